package org.testfarm.literal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads one Python 2 string literal: optional prefix ({@code u b r ur br}, any
 * case), single, double or triple quotes, and the escapes of Python 2.
 *
 * <p>A {@code u''} literal yields its code points. Any other literal is a byte
 * string: its bytes (ASCII characters as themselves, {@code \xNN} and octal
 * escapes as raw bytes, other source characters as their UTF-8 bytes) are
 * decoded as UTF-8, invalid sequences becoming U+FFFD.
 */
final class StringLiteralDecoder {

    private static final Set<String> PREFIXES = Set.of(
            "u", "U", "b", "B", "r", "R",
            "ur", "uR", "Ur", "UR", "br", "bR", "Br", "BR");

    private final char[] text;
    private final int literalStart;
    private final boolean unicode;
    private final boolean raw;
    private final char quote;
    private final boolean triple;
    /** What ends the literal: the quote, or three of them. */
    private final String closing;
    private final StringBuilder chars;
    private byte[] bytes;
    private int byteCount;
    private int pos;

    private StringLiteralDecoder(char[] text, int literalStart) {
        this.text = text;
        this.literalStart = literalStart;
        int at = literalStart;
        char first = text[at];
        this.unicode = first == 'u' || first == 'U';
        if (unicode || first == 'b' || first == 'B') {
            at++;
        }
        this.raw = text[at] == 'r' || text[at] == 'R';
        if (raw) {
            at++;
        }
        this.quote = text[at];
        String tripleQuote = String.valueOf(quote).repeat(3);
        this.triple = SourceText.startsWith(text, tripleQuote, at);
        this.closing = triple ? tripleQuote : String.valueOf(quote);
        this.pos = at + closing.length();
        this.chars = unicode ? new StringBuilder() : null;
        this.bytes = unicode ? null : new byte[16];
    }

    /** Whether {@code name}, directly followed by a quote, starts a string literal. */
    static boolean isPrefix(String name) {
        return PREFIXES.contains(name);
    }

    /** Reads the string literal (prefix included) that starts at {@code start}. */
    static Scanned decode(char[] text, int start) {
        Scanned plain = plainAscii(text, start);
        return plain != null ? plain : new StringLiteralDecoder(text, start).read();
    }

    /**
     * The most common literal, read without decoding: a single-quoted one without prefix
     * whose characters are all printable ASCII, none a backslash. Null for any other.
     */
    private static Scanned plainAscii(char[] text, int start) {
        char quote = text[start];
        boolean triple = start + 2 < text.length && text[start + 1] == quote && text[start + 2] == quote;
        if (quote != '\'' && quote != '"' || triple) {
            return null;
        }
        for (int i = start + 1; i < text.length; i++) {
            char c = text[i];
            if (c == quote) {
                return new Scanned(SourceText.slice(text, start + 1, i), i + 1);
            }
            if (c == '\\' || c < ' ' || c > '~') {
                return null;
            }
        }
        return null;
    }

    private Scanned read() {
        while (true) {
            if (pos >= text.length) {
                throw unterminated();
            }
            char c = text[pos];
            if (c == quote && SourceText.startsWith(text, closing, pos)) {
                return new Scanned(result(), pos + closing.length());
            }
            if (c == '\\') {
                if (raw) {
                    readRawBackslashes();
                } else {
                    readEscape();
                }
            } else if ((c == '\n' || c == '\r') && !triple) {
                throw new LiteralException("line break inside a single-quoted string"
                        + " (opened at offset " + literalStart + ")", pos);
            } else {
                copySourceCodePoint();
            }
        }
    }

    private LiteralException unterminated() {
        return new LiteralException("unterminated string: no closing " + closing, literalStart);
    }

    private void copySourceCodePoint() {
        int codePoint = Character.codePointAt(text, pos);
        pos += Character.charCount(codePoint);
        appendCodePoint(codePoint);
    }

    /** A backslash outside raw strings: {@code pos} is at the backslash. */
    private void readEscape() {
        int escapeAt = pos;
        if (pos + 1 >= text.length) {
            throw unterminated();
        }
        char e = text[pos + 1];
        pos += 2;
        switch (e) {
            case '\n' -> { }
            case '\r' -> skipIfAt('\n');
            case '\\', '\'', '"' -> appendCodePoint(e);
            case 'a' -> appendCodePoint(0x07);
            case 'b' -> appendCodePoint(0x08);
            case 'f' -> appendCodePoint(0x0c);
            case 'n' -> appendCodePoint('\n');
            case 'r' -> appendCodePoint('\r');
            case 't' -> appendCodePoint('\t');
            case 'v' -> appendCodePoint(0x0b);
            case 'x' -> appendUnit(readHex(2, escapeAt, "\\xXX"));
            case 'u' -> readUnicodeEscapeOrKeep(4, escapeAt);
            case 'U' -> readUnicodeEscapeOrKeep(8, escapeAt);
            case 'N' -> readNamedEscapeOrKeep(escapeAt);
            default -> {
                if (isOctalDigit(e)) {
                    appendUnit(readOctal(e));
                } else {
                    // Python keeps an unknown escape as it is, backslash included
                    appendCodePoint('\\');
                    pos--;
                }
            }
        }
    }

    private void skipIfAt(char c) {
        if (pos < text.length && text[pos] == c) {
            pos++;
        }
    }

    private static boolean isOctalDigit(char c) {
        return c >= '0' && c <= '7';
    }

    /** Up to three octal digits, the first already read. */
    private int readOctal(char first) {
        int value = first - '0';
        for (int i = 0; i < 2 && pos < text.length && isOctalDigit(text[pos]); i++) {
            value = value * 8 + (text[pos++] - '0');
        }
        return value;
    }

    private int readHex(int digits, int escapeAt, String form) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = pos < text.length ? hexDigitValue(text[pos]) : -1;
            if (digit < 0) {
                throw new LiteralException("truncated " + form + " escape", escapeAt);
            }
            value = value * 16 + digit;
            pos++;
        }
        return value;
    }

    private static int hexDigitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private void readUnicodeEscapeOrKeep(int digits, int escapeAt) {
        if (!unicode) {
            appendCodePoint('\\');
            pos--;
            return;
        }
        int codePoint = readHex(digits, escapeAt, digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX");
        if (Integer.compareUnsigned(codePoint, Character.MAX_CODE_POINT) > 0) {
            throw new LiteralException("\\U escape beyond U+10FFFF", escapeAt);
        }
        appendCodePoint(codePoint);
    }

    /** {@code \N{LATIN SMALL LETTER E WITH ACUTE}} in a unicode literal. */
    private void readNamedEscapeOrKeep(int escapeAt) {
        if (!unicode) {
            appendCodePoint('\\');
            pos--;
            return;
        }
        int close = pos < text.length && text[pos] == '{' ? SourceText.indexOf(text, '}', pos) : -1;
        if (close < 0 || close - pos > 100) {
            throw new LiteralException("malformed \\N{...} escape", escapeAt);
        }
        String name = SourceText.slice(text, pos + 1, close);
        try {
            appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException unknown) {
            throw new LiteralException("unknown Unicode character name in \\N{...} escape", escapeAt);
        }
        pos = close + 1;
    }

    /**
     * A run of backslashes in a raw literal: kept as they are. An odd run
     * escapes the next character from ending the literal (it is kept too);
     * in {@code ur''} an odd run before {@code u} or {@code U} is a code point escape.
     */
    private void readRawBackslashes() {
        int run = 0;
        while (pos + run < text.length && text[pos + run] == '\\') {
            run++;
        }
        int after = pos + run;
        boolean odd = run % 2 == 1;
        char next = after < text.length ? text[after] : 0;
        if (unicode && odd && (next == 'u' || next == 'U')) {
            appendBackslashes(run - 1);
            int escapeAt = after - 1;
            pos = after + 1;
            readUnicodeEscapeOrKeep(next == 'u' ? 4 : 8, escapeAt);
            return;
        }
        appendBackslashes(run);
        pos = after;
        if (odd) {
            if (pos >= text.length) {
                throw unterminated();
            }
            boolean crlf = SourceText.startsWith(text, "\r\n", pos);
            copySourceCodePoint();
            if (crlf) {
                copySourceCodePoint();
            }
        }
    }

    private void appendBackslashes(int count) {
        for (int i = 0; i < count; i++) {
            appendCodePoint('\\');
        }
    }

    /** A character of the literal's text, or one given by an escape with its code point. */
    private void appendCodePoint(int codePoint) {
        if (unicode) {
            chars.appendCodePoint(codePoint);
        } else if (codePoint < 0x80) {
            appendByte(codePoint);
        } else {
            Utf8.encode(codePoint, this::appendByte);
        }
    }

    /** The value of a {@code \xNN} or octal escape: a byte, or in u'' a code point. */
    private void appendUnit(int value) {
        if (unicode) {
            chars.appendCodePoint(value);
        } else {
            appendByte(value & 0xff);
        }
    }

    private void appendByte(int b) {
        if (byteCount == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[byteCount++] = (byte) b;
    }

    private String result() {
        if (unicode) {
            return chars.toString();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer decoded = decoder.decode(ByteBuffer.wrap(bytes, 0, byteCount));
            return decoded.toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("a replacing UTF-8 decoder reported an error", impossible);
        }
    }
}
