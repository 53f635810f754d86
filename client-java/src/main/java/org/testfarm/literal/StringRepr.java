package org.testfarm.literal;

/**
 * Python 2's {@code repr()} of a {@code str} holding the UTF-8 bytes of a Java
 * string: {@code 'caf\xc3\xa9'}. Single quotes, unless the text has a single
 * quote and no double quote; backslash, the quote, {@code \n \r \t} escaped;
 * other control bytes, DEL and every non-ASCII byte as lowercase {@code \xNN}.
 * An unpaired surrogate, which UTF-8 cannot carry, is written as U+FFFD.
 */
final class StringRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringRepr() {
    }

    static void append(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < 0x80) {
                appendAscii(out, (char) codePoint, quote);
            } else {
                Utf8.encode(codePoint, b -> appendByteEscape(out, b));
            }
        }
        out.append(quote);
    }

    private static void appendAscii(StringBuilder out, char c, char quote) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c == quote) {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f) {
                    appendByteEscape(out, c);
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static void appendByteEscape(StringBuilder out, int b) {
        out.append("\\x").append(HEX[b >> 4 & 0xf]).append(HEX[b & 0xf]);
    }
}
