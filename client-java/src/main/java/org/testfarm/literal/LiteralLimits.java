package org.testfarm.literal;

/**
 * Bounds on what {@link PyLiteral#parse(String, LiteralLimits)} accepts, so that
 * a hostile client cannot make the server spend unbounded memory or time.
 *
 * @param maxDepth  how many containers ({@code [ ( {}) may be open at once;
 *                  0 admits scalars only. At most {@value #DEPTH_CEILING}: Java's
 *                  own {@code equals}, {@code hashCode} and {@code toString} of the
 *                  parsed lists, tuples and maps recurse, and must not overflow
 *                  an ordinary thread stack.
 * @param maxLength the longest text accepted, in chars, surrounding whitespace included
 */
public record LiteralLimits(int maxDepth, int maxLength) {

    /** The deepest nesting any limits may admit. */
    public static final int DEPTH_CEILING = 1000;

    /** 64 levels, 16 Mi chars: far above what any TestFarm client sends. */
    public static final LiteralLimits DEFAULT = new LiteralLimits(64, 16 * 1024 * 1024);

    public LiteralLimits {
        if (maxDepth < 0 || maxDepth > DEPTH_CEILING) {
            throw new IllegalArgumentException(
                    "maxDepth must be between 0 and " + DEPTH_CEILING + ", was " + maxDepth);
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
        }
    }
}
