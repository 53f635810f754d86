package org.testfarm.server.markup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        // Latin-1 text (nearly all) is looked at as bytes: a bulk copy, where the characters would be widened
        // one by one by the static generator's compiler (C1); a character beyond Latin-1 encodes as '?'.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != text.length()) {
            return escapeChars(text); // surrogate pairs, each encoded as one '?'
        }
        int first = 0;
        while (first < bytes.length && LATIN_1[bytes[first] & 0xff] == PLAIN) {
            first++;
        }
        if (first == bytes.length) {
            return text;
        }
        byte[] out = new byte[bytes.length + 32];
        int size = 0;
        int from = 0;
        for (int i = first; i < bytes.length; i++) {
            byte kind = LATIN_1[bytes[i] & 0xff];
            if (kind == PLAIN || kind == QUESTION && text.charAt(i) == '?') {
                continue;
            }
            if (kind != MARKUP) {
                return escapeChars(text); // beyond Latin-1, or a control character: its replacement is too
            }
            byte[] entity = ENTITIES[bytes[i]];
            if (size + (i - from) + entity.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + (i - from) + entity.length));
            }
            System.arraycopy(bytes, from, out, size, i - from);
            size += i - from;
            System.arraycopy(entity, 0, out, size, entity.length);
            size += entity.length;
            from = i + 1;
        }
        if (size + (bytes.length - from) > out.length) {
            out = Arrays.copyOf(out, size + (bytes.length - from));
        }
        System.arraycopy(bytes, from, out, size, bytes.length - from);
        return new String(out, 0, size + bytes.length - from, StandardCharsets.ISO_8859_1);
    }

    /** {@link #escape} of any text: a table over a copy of the characters. */
    private static String escapeChars(String text) {
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

    /** What {@link #escape} makes of each Latin-1 byte. */
    private static final byte PLAIN = 0;
    /** One of the five markup characters: its entity, in ASCII. */
    private static final byte MARKUP = 1;
    /** A '?', or what a character beyond Latin-1 encoded as. */
    private static final byte QUESTION = 2;
    /** A control character, replaced by U+FFFD, which is beyond Latin-1. */
    private static final byte CONTROL = 3;
    private static final byte[] LATIN_1 = new byte[256];
    private static final byte[][] ENTITIES = new byte[64][];

    static {
        for (char c = 0; c < 256; c++) {
            String entity = entity(c);
            LATIN_1[c] = c == '?' ? QUESTION : entity == null ? PLAIN : c < 0x20 ? CONTROL : MARKUP;
            if (LATIN_1[c] == MARKUP) {
                ENTITIES[c] = entity.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
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
