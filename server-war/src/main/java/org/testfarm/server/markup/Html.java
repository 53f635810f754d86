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
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
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
