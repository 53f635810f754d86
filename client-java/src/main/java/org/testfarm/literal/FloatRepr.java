package org.testfarm.literal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 2.7's {@code repr(float)}: the fewest significant digits that read back
 * as the same double (the nearest such when there is a choice), in positional
 * form ({@code 0.0001}, {@code 12.0}) or, when the decimal exponent is below -4
 * or at least 16, in exponent form ({@code 1e-05}, {@code 1.5e+20}).
 *
 * <p>Java 17's {@link Double#toString(double)} does not always give the
 * shortest digits, so they are searched for with exact decimal arithmetic.
 */
final class FloatRepr {

    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private FloatRepr() {
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new LiteralException("cannot format " + value + ": Python has no literal for it");
        }
        String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = (isSmallInteger(magnitude)
                ? BigDecimal.valueOf((long) magnitude)
                : shortestRoundTrip(magnitude)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // the value is 0.<digits> times ten to the power pointPosition
        int pointPosition = digits.length() - shortest.scale();
        return sign + layout(digits, pointPosition);
    }

    /**
     * Below 2^53 doubles are at most 1 apart, so no decimal other than the
     * integer itself (less its trailing zeros) reads back as it.
     */
    private static boolean isSmallInteger(double magnitude) {
        return magnitude < 0x1p53 && magnitude == Math.rint(magnitude);
    }

    /**
     * If some decimal of p digits reads back as the value, so does one of p + 1
     * digits (append a zero): the shortest precision can be found by bisection.
     */
    private static BigDecimal shortestRoundTrip(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        int tooFew = 0;
        int enough = MAX_SIGNIFICANT_DIGITS;
        BigDecimal best = exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        while (enough - tooFew > 1) {
            int precision = (tooFew + enough) / 2;
            BigDecimal candidate = nearestReadingBack(exact, precision, magnitude);
            if (candidate == null) {
                tooFew = precision;
            } else {
                enough = precision;
                best = candidate;
            }
        }
        return best;
    }

    /** The decimal of {@code precision} digits nearest the value that reads back as it, if any. */
    private static BigDecimal nearestReadingBack(BigDecimal exact, int precision, double magnitude) {
        BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean belowReadsBack = readsBackAs(below, magnitude);
        boolean aboveReadsBack = readsBackAs(above, magnitude);
        if (belowReadsBack && aboveReadsBack) {
            return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        return belowReadsBack ? below : aboveReadsBack ? above : null;
    }

    private static boolean readsBackAs(BigDecimal decimal, double magnitude) {
        return Double.parseDouble(decimal.toString()) == magnitude;
    }

    private static String layout(String digits, int pointPosition) {
        if (pointPosition <= -4 || pointPosition > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = pointPosition - 1;
            String exponentDigits = String.valueOf(Math.abs(exponent));
            return mantissa + "e" + (exponent < 0 ? '-' : '+')
                    + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
        }
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
