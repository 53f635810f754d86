package org.testfarm.engine;

/** TestFarm's own remarks appended to a command's output, one line each. */
final class Notes {

    static final String PREFIX = "[TestFarm] ";

    private Notes() {
    }

    /** {@code output} followed by {@code note} on a line of its own. */
    static String append(String output, String note) {
        String separator = output.isEmpty() || output.endsWith("\n") ? "" : "\n";
        return output + separator + PREFIX + note + "\n";
    }

    /** A thrown exception as one line: its type and message. */
    static String describe(Throwable thrown) {
        String text = thrown.toString();
        return text.strip().replace('\n', ' ');
    }
}
