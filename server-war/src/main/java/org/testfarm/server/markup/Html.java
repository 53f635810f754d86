package org.testfarm.server.markup;

import java.util.Objects;

/**
 * Markup that is safe to put in a page as it is: built here from escaped text,
 * rendered from terminal text, or passed through the description sanitizer.
 * Templates insert every other value escaped; only an {@code Html} goes in
 * unchanged (see {@code org.testfarm.server.template.Escaping}).
 */
public record Html(String markup) {

    public static final Html EMPTY = new Html("");

    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** Plain text as markup: every character that means something in HTML or XML escaped. */
    public static Html text(String text) {
        return new Html(escape(text));
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public String toString() {
        return markup;
    }

    /**
     * Escapes {@code & < > " '}, so the result is safe in element content and quoted
     * attributes, and replaces the control characters XML forbids (all of C0 but tab,
     * line feed and carriage return; U+FFFE, U+FFFF) with U+FFFD.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        // Most text needs nothing: found out with a table, over a copy of the characters. The static
        // generator's compiler (C1, inlining little) would make a call of each charAt and helper.
        char[] chars = text.toCharArray();
        int first = 0;
        while (first < chars.length
                && !(chars[first] < 64 ? SPECIAL_BELOW_64[chars[first]] : chars[first] >= '\uFFFE')) {
            first++;
        }
        if (first == chars.length) {
            return text;
        }
        StringBuilder out = new StringBuilder(chars.length + 16).append(chars, 0, first);
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (c < 64 ? SPECIAL_BELOW_64[c] : c >= '\uFFFE') {
                out.append(entity(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Which characters below '@' {@link #entity} replaces. */
    private static final boolean[] SPECIAL_BELOW_64 = new boolean[64];

    static {
        for (char c = 0; c < 64; c++) {
            SPECIAL_BELOW_64[c] = entity(c) != null;
        }
    }


    /** Appends one character escaped. */
    static void escape(char c, StringBuilder out) {
        String entity = entity(c);
        if (entity == null) {
            out.append(c);
        } else {
            out.append(entity);
        }
    }

    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            // no XML document may hold these (a feed would not parse): shown as the replacement character
            case '\uFFFE', '\uFFFF' -> "\uFFFD";
            default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
        };
    }
}
