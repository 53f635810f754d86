package org.testfarm.literal;

/** What lies at a position of a literal's text, for the parser and its error messages. */
final class SourceText {

    private SourceText() {
    }

    /** Python's blanks between tokens: space, tab, form feed, and line ends inside brackets. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Python 2 names are ASCII: a letter or underscore, then letters, digits, underscores. */
    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** The characters from {@code from} to {@code to} (excluded) as a string. */
    static String slice(char[] text, int from, int to) {
        return new String(text, from, to - from);
    }

    static boolean startsWith(char[] text, String prefix, int pos) {
        if (pos < 0 || pos + prefix.length() > text.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code c} is first found at or after {@code from}, -1 if nowhere. */
    static int indexOf(char[] text, char c, int from) {
        for (int i = Math.max(from, 0); i < text.length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static int skipWhitespace(char[] text, int pos) {
        while (pos < text.length && isWhitespace(text[pos])) {
            pos++;
        }
        return pos;
    }

    /**
     * Names the character at {@code pos} for an error message, never echoing a
     * control or non-ASCII character as is: {@code 'x'} for printable ASCII
     * ({@code "'"} for the single quote), {@code U+0007} otherwise, or
     * {@code end of input}. Messages may still hold {@code <}, {@code &}...:
     * whoever shows them in HTML escapes them.
     */
    static String describe(char[] text, int pos) {
        if (pos >= text.length) {
            return "end of input";
        }
        int c = Character.codePointAt(text, pos);
        if (c == '\'') {
            return "\"'\"";
        }
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("U+%04X", c);
    }
}
