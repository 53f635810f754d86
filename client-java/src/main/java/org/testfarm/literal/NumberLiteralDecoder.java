package org.testfarm.literal;

import java.math.BigInteger;

/**
 * Reads one Python 2 number: an optional sign, then an int ({@code 42},
 * {@code 42L}, {@code 0x2a}, {@code 052}, {@code 0o52}, {@code 0b101010}) or a
 * float ({@code 0.5}, {@code .5}, {@code 5.}, {@code 1e-05}). Ints become
 * {@link Long} when they fit, {@link BigInteger} otherwise; floats become
 * {@link Double}.
 */
final class NumberLiteralDecoder {

    /**
     * Converting decimal text to a BigInteger takes time quadratic in its
     * length; like CPython 3.11 we refuse ints longer than this.
     */
    static final int MAX_INT_DIGITS = 4300;

    private final char[] text;
    private final int start;
    private int pos;

    private NumberLiteralDecoder(char[] text, int start) {
        this.text = text;
        this.start = start;
        this.pos = start;
    }

    /** Whether a number (perhaps signed) starts at {@code pos}. */
    static boolean startsNumber(char[] text, int pos) {
        char c = text[pos];
        return c == '-' || c == '+' || isDigit(c) || (c == '.' && isDigitAt(text, pos + 1));
    }

    static Scanned decode(char[] text, int start) {
        Scanned common = plainDecimal(text, start);
        return common != null ? common : new NumberLiteralDecoder(text, start).read();
    }

    /**
     * The most common number, read without building its text: an unsigned decimal int of
     * up to 18 digits, without leading zero or suffix, followed by none of what continues a
     * number or a name. Null for any other, which {@link #read} reads (or rejects).
     */
    private static Scanned plainDecimal(char[] text, int start) {
        int pos = start;
        long value = 0;
        while (pos < text.length && pos - start < 18 && isDigit(text[pos])) {
            value = value * 10 + (text[pos] - '0');
            pos++;
        }
        if (pos == start || text[start] == '0' && pos - start > 1) {
            return null;
        }
        if (pos < text.length && (SourceText.isNameChar(text[pos]) || text[pos] == '.')) {
            return null; // another digit, a fraction, an exponent, a suffix, or a malformed number
        }
        return new Scanned(value, pos);
    }

    private Scanned read() {
        boolean negative = false;
        char first = text[pos];
        if (first == '-' || first == '+') {
            negative = first == '-';
            pos = SourceText.skipWhitespace(text, pos + 1);
            if (!(isDigitAt(text, pos) || (charAt(pos) == '.' && isDigitAt(text, pos + 1)))) {
                throw new LiteralException("expected a number after '" + first + "' but found "
                        + SourceText.describe(text, pos) + " (signs apply to numbers only)", pos);
            }
        }
        int numberStart = pos;
        Object value;
        char radixMark = Character.toLowerCase(charAt(pos + 1));
        if (charAt(pos) == '0' && (radixMark == 'x' || radixMark == 'o' || radixMark == 'b')) {
            pos += 2;
            int radix = radixMark == 'x' ? 16 : radixMark == 'o' ? 8 : 2;
            value = toInteger(negative, readDigits(radix), radix);
            skipLongSuffix();
        } else {
            int digitsStart = pos;
            String digits = readDigits(10);
            boolean fraction = charAt(pos) == '.';
            if (fraction) {
                pos++;
                readDigits(10);
            }
            boolean exponent = Character.toLowerCase(charAt(pos)) == 'e';
            if (exponent) {
                readExponent();
            }
            if (fraction || exponent) {
                value = toDouble(negative, SourceText.slice(text, numberStart, pos), numberStart);
            } else if (digits.length() > 1 && digits.charAt(0) == '0') {
                value = toInteger(negative, octalDigits(digits, digitsStart), 8);
                skipLongSuffix();
            } else {
                value = toInteger(negative, digits, 10);
                skipLongSuffix();
            }
        }
        if (SourceText.isNameChar(charAt(pos)) || charAt(pos) == '.') {
            throw new LiteralException("malformed number: unexpected " + SourceText.describe(text, pos), pos);
        }
        return new Scanned(value, pos);
    }

    private char charAt(int index) {
        return index < text.length ? text[index] : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitAt(char[] text, int index) {
        return index < text.length && isDigit(text[index]);
    }

    /** The longest run of digits of {@code radix} at pos; at least one for radix prefixes. */
    private String readDigits(int radix) {
        int from = pos;
        while (pos < text.length && Character.digit(text[pos], radix) >= 0 && text[pos] < 0x80) {
            pos++;
        }
        if (radix != 10 && pos == from) {
            throw new LiteralException("malformed number: no digits after the radix prefix", pos);
        }
        return SourceText.slice(text, from, pos);
    }

    private void readExponent() {
        pos++;
        if (charAt(pos) == '+' || charAt(pos) == '-') {
            pos++;
        }
        if (!isDigitAt(text, pos)) {
            throw new LiteralException("malformed number: the exponent has no digits", pos);
        }
        while (isDigitAt(text, pos)) {
            pos++;
        }
    }

    /** Python 2 reads {@code 0755} as octal; {@code 08} is an error there too. */
    private static String octalDigits(String digits, int digitsStart) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) > '7') {
                throw new LiteralException("malformed number: '" + digits.charAt(i)
                        + "' in an octal int (a leading 0 means octal)", digitsStart + i);
            }
        }
        return digits.substring(1);
    }

    private void skipLongSuffix() {
        if (charAt(pos) == 'L' || charAt(pos) == 'l') {
            pos++;
        }
    }

    private Object toInteger(boolean negative, String digits, int radix) {
        if (digits.isEmpty()) {
            return 0L;
        }
        if (digits.length() > MAX_INT_DIGITS) {
            throw new LiteralException("int literal longer than " + MAX_INT_DIGITS + " digits", start);
        }
        if (digits.length() <= digitsAlwaysFittingLong(radix)) {
            long magnitude = Long.parseLong(digits, radix);
            return negative ? -magnitude : magnitude;
        }
        BigInteger magnitude = new BigInteger(digits, radix);
        BigInteger value = negative ? magnitude.negate() : magnitude;
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    /** How many digits of {@code radix} always make a value below 2^63. */
    private static int digitsAlwaysFittingLong(int radix) {
        switch (radix) {
            case 2:
                return 63;
            case 8:
                return 21;
            case 16:
                return 15;
            default:
                return 18;
        }
    }

    private static Double toDouble(boolean negative, String unsigned, int numberStart) {
        double magnitude = Double.parseDouble(unsigned);
        if (Double.isInfinite(magnitude)) {
            throw new LiteralException("float literal too large: it would be infinite", numberStart);
        }
        return negative ? -magnitude : magnitude;
    }
}
