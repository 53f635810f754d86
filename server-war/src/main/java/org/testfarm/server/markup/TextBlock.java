package org.testfarm.server.markup;

/**
 * Terminal text rendered for a page, maybe collapsed: {@code shown} is always
 * visible, {@code hidden} (the other lines, {@code hiddenLines} of them) sits behind
 * a "show more" toggle, before the shown lines when {@code hiddenFirst} (the end of
 * a build log matters most) and after them otherwise.
 */
public record TextBlock(Html shown, Html hidden, int lines, int hiddenLines, boolean hiddenFirst) {

    public boolean collapsed() {
        return hiddenLines > 0;
    }

    public boolean isEmpty() {
        return shown.isEmpty() && hidden.isEmpty();
    }
}
