package org.testfarm.literal;

import java.util.Objects;

/**
 * Python 2 literals, the values of every wire-protocol field and of the files of
 * the upstream log tree: read without evaluating anything, and written as a
 * Python 2 client's {@code repr()} would.
 *
 * <p>Values map to Java as follows: {@code str} and {@code unicode} → {@link String}
 * (byte strings decoded as UTF-8, invalid sequences → U+FFFD); {@code int} and
 * {@code long} → {@link Long}, or {@link java.math.BigInteger} beyond 64 bits;
 * {@code float} → {@link Double}; {@code True}/{@code False} → {@link Boolean};
 * {@code None} → {@code null}; list → mutable {@link java.util.ArrayList};
 * tuple → {@link PyTuple}; dict → {@link java.util.LinkedHashMap} in source order.
 * For every value built from these types, {@code parse(format(v))} equals {@code v}.
 */
public final class PyLiteral {

    private PyLiteral() {
    }

    /** Reads {@code text} within {@link LiteralLimits#DEFAULT}. */
    public static Object parse(String text) {
        return parse(text, LiteralLimits.DEFAULT);
    }

    /**
     * Reads one literal; whitespace around it is allowed, anything else after it is not.
     *
     * @throws LiteralException if {@code text} is not a literal, or exceeds {@code limits}
     */
    public static Object parse(String text, LiteralLimits limits) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return LiteralParser.parse(text, limits);
    }

    /**
     * Reads one literal from its UTF-8 bytes (invalid sequences become U+FFFD), as
     * {@link #parse(String)} reads their decoded text.
     *
     * @throws LiteralException if the text is not a literal, or exceeds {@link LiteralLimits#DEFAULT}
     */
    public static Object parseUtf8(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        return LiteralParser.parseUtf8(utf8, LiteralLimits.DEFAULT);
    }

    /**
     * Writes {@code value} as Python 2's {@code repr()}: strings as {@code str}
     * reprs of their UTF-8 bytes, {@link Integer}, {@link Short} and {@link Byte}
     * like longs, {@link Float} like the double it widens to.
     *
     * @throws LiteralException for NaN and infinities, values of other types,
     *                          containers that hold themselves, and unhashable dict keys
     */
    public static String format(Object value) {
        return LiteralFormatter.format(value);
    }
}
