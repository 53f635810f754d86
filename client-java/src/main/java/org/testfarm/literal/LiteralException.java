package org.testfarm.literal;

import org.testfarm.TestFarmException;

/**
 * A text that is not a Python 2 literal we accept, or a value that cannot be
 * written as one. The message says what went wrong and, for parsing, where:
 * {@code malformed literal at offset 12: expected ']' but found end of input}.
 * It never repeats more than a few characters of the input.
 */
public class LiteralException extends TestFarmException {

    private final int offset;

    /** A failure that is not tied to a position in a text (formatting, limits). */
    public LiteralException(String message) {
        super(message);
        this.offset = -1;
    }

    /** A failure at {@code offset} (a char index into the parsed text). */
    public LiteralException(String problem, int offset) {
        super("malformed literal at offset " + offset + ": " + problem);
        this.offset = offset;
    }

    /** The char index in the parsed text where the problem was found, or -1. */
    public int offset() {
        return offset;
    }
}
