package org.testfarm.server.markup;

/**
 * Terminal text (command output, info blocks) as HTML, in one pass: SGR colours
 * (8, 16, 256 and 24-bit), bold, faint, italic, underline, strike-through and
 * reverse become spans with classes; every other escape or control sequence is
 * dropped; every character that means something in HTML is escaped. Spans never
 * cross a line end, so the markup of every line is balanced on its own and a
 * block can be split between any two lines.
 */
public final class TerminalText {

    /** A block longer than this many lines is collapsed to {@value #KEEP} lines. */
    public static final int COLLAPSE_OVER = 12;
    public static final int KEEP = 10;

    private static final char ESC = 0x1b;
    private static final int MAX_PARAMS = 32;

    /** Which lines of a long block stay visible: the first (messages) or the last (build output). */
    public enum Keep { HEAD, TAIL }

    private final String text;
    private final StringBuilder out;
    private final SgrState style = new SgrState();
    private final int[] params = new int[MAX_PARAMS];
    private final boolean[] colon = new boolean[MAX_PARAMS];
    private int[] lineStarts = new int[64];
    private int lines;
    private boolean spanOpen;

    private TerminalText(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length() + text.length() / 8 + 16);
    }

    /** The whole text as markup. */
    public static Html html(String text) {
        TerminalText rendering = render(text);
        return new Html(rendering.out.toString());
    }

    /** The text as a block that collapses all but {@value #KEEP} lines when it has more than {@value #COLLAPSE_OVER}. */
    public static TextBlock block(String text, Keep keep) {
        if (text.isEmpty()) { // what most commands print: one block shared by all
            return keep == Keep.HEAD ? EMPTY_HEAD : EMPTY_TAIL;
        }
        return split(text, keep);
    }

    private static final TextBlock EMPTY_HEAD = split("", Keep.HEAD);
    private static final TextBlock EMPTY_TAIL = split("", Keep.TAIL);

    private static TextBlock split(String text, Keep keep) {
        TerminalText rendering = render(text);
        String markup = rendering.out.toString();
        int count = rendering.lines;
        if (count <= COLLAPSE_OVER) {
            return new TextBlock(new Html(markup), Html.EMPTY, count, 0, keep == Keep.TAIL);
        }
        int hidden = count - KEEP;
        int split = keep == Keep.HEAD ? rendering.lineStarts[KEEP] : rendering.lineStarts[hidden];
        // the split falls just after a newline: drop it from the first part, a <pre> ends the line
        String first = markup.substring(0, split - 1);
        String second = markup.substring(split);
        return keep == Keep.HEAD
                ? new TextBlock(new Html(first), new Html(second), count, hidden, false)
                : new TextBlock(new Html(second), new Html(first), count, hidden, true);
    }

    private static TerminalText render(String raw) {
        String text = raw == null ? "" : stripTrailingNewlines(raw);
        TerminalText rendering = new TerminalText(text);
        rendering.run();
        return rendering;
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private void run() {
        startLine();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = escape(i + 1);
            } else if (c == 0x9b) {
                i = csi(i + 1);
            } else if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
                i = string(i + 1);
            } else if (c == '\n') {
                newline();
                i++;
            } else if (c == '\r') {
                if (i + 1 >= n || text.charAt(i + 1) != '\n') {
                    newline();
                }
                i++;
            } else if (c == '\t' || (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f))) {
                character(c);
                i++;
            } else {
                i++; // other C0 and C1 controls: dropped
            }
        }
        closeSpan();
    }

    private void character(char c) {
        if (!spanOpen && !style.isDefault()) {
            out.append("<span class=\"").append(style.classes()).append("\">");
            spanOpen = true;
        }
        Html.escape(c, out);
    }

    private void newline() {
        closeSpan();
        out.append('\n');
        startLine();
    }

    private void startLine() {
        if (lines == lineStarts.length) {
            lineStarts = java.util.Arrays.copyOf(lineStarts, lines * 2);
        }
        lineStarts[lines++] = out.length();
    }

    private void closeSpan() {
        if (spanOpen) {
            out.append("</span>");
            spanOpen = false;
        }
    }

    /** After an ESC: returns where the text goes on. */
    private int escape(int i) {
        if (i >= text.length()) {
            return i;
        }
        char c = text.charAt(i);
        if (c == '[') {
            return csi(i + 1);
        }
        if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            return string(i + 1);
        }
        // nF sequences (ESC, intermediates, final) and two-character ones
        int j = i;
        while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2f) {
            j++;
        }
        if (j < text.length() && text.charAt(j) >= 0x30 && text.charAt(j) <= 0x7e) {
            return j + 1;
        }
        return j;
    }

    /** A control sequence after its introducer: SGR is applied, anything else dropped. */
    private int csi(int i) {
        int n = text.length();
        int count = 0;
        int value = -1;
        boolean joined = false;
        boolean onlyParams = true;
        int j = i;
        while (j < n) {
            char c = text.charAt(j);
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : Math.min(value * 10 + (c - '0'), 1_000_000);
            } else if (c == ';' || c == ':') {
                count = param(count, value, joined);
                value = -1;
                joined = c == ':';
            } else if (c >= 0x3c && c <= 0x3f || c >= 0x20 && c <= 0x2f) {
                onlyParams = false; // private markers and intermediates: not SGR
            } else if (c >= 0x40 && c <= 0x7e) {
                if (c == 'm' && onlyParams) {
                    count = j > i ? param(count, value, joined) : 0;
                    applySgr(count);
                }
                return j + 1;
            } else {
                return j; // malformed: the sequence ends before this character
            }
            j++;
        }
        return j;
    }

    private int param(int count, int value, boolean joined) {
        if (count < MAX_PARAMS) {
            params[count] = value;
            colon[count] = joined;
            return count + 1;
        }
        return count;
    }

    private void applySgr(int count) {
        String before = spanOpen ? style.classes() : null;
        style.apply(params, colon, count);
        if (spanOpen && (style.isDefault() || !style.classes().equals(before))) {
            closeSpan();
        }
    }

    /** OSC, DCS, SOS, PM, APC: dropped up to their terminator (BEL, ST) or the end of the line. */
    private int string(int i) {
        int n = text.length();
        int j = i;
        while (j < n) {
            char c = text.charAt(j);
            if (c == 0x07 || c == 0x9c) {
                return j + 1;
            }
            if (c == ESC && j + 1 < n && text.charAt(j + 1) == '\\') {
                return j + 2;
            }
            if (c == '\n') {
                return j;
            }
            j++;
        }
        return j;
    }
}
