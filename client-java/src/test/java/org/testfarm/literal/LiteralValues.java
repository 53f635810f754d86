package org.testfarm.literal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of the values {@link PyLiteral#parse} produces: strings over
 * all of Unicode, longs, BigIntegers beyond 64 bits, finite doubles, booleans,
 * None, and lists, tuples and dicts of them nested a few levels deep.
 */
final class LiteralValues {

    private static final BigInteger TWO_TO_63 = BigInteger.ONE.shiftLeft(63);
    private static final BigInteger HUGE = BigInteger.TEN.pow(60);

    private LiteralValues() {
    }

    static Arbitrary<Object> nested() {
        Arbitrary<Object> keys = hashables();
        return Arbitraries.recursive(LiteralValues::scalars, elements -> containersOf(elements, keys), 0, 3);
    }

    static Arbitrary<Object> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, texts()),
                Tuple.of(2, Arbitraries.longs()),
                Tuple.of(1, bigIntegersBeyondLong()),
                Tuple.of(2, finiteDoubles()),
                Tuple.of(1, Arbitraries.of(true, false)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    /** Dict keys: scalars and tuples of them, as Python can hash them. */
    static Arbitrary<Object> hashables() {
        return Arbitraries.recursive(LiteralValues::scalars,
                keys -> Arbitraries.oneOf(keys, keys.list().ofMaxSize(3).map(PyTuple::new)), 0, 2);
    }

    private static Arbitrary<Object> containersOf(Arbitrary<Object> elements, Arbitrary<Object> keys) {
        return Arbitraries.oneOf(
                elements,
                elements.list().ofMaxSize(4).map(ArrayList::new),
                elements.list().ofMaxSize(4).map(PyTuple::new),
                Arbitraries.maps(keys, elements).ofMaxSize(3).map(LinkedHashMap::new));
    }

    /** Strings of code points from every region: ASCII with its controls, the quotes, BMP, astral planes. */
    static Arbitrary<String> texts() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(3, Arbitraries.of((int) '\'', (int) '"', (int) '\\', (int) '\n', (int) '\r', (int) '\t')),
                Tuple.of(2, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(1, Arbitraries.of(0x7f, 0x80, 0xa0, 0xe9, 0xfc, 0xff, 0xfffd, 0xfeff, 0xffff)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xffff)
                        .filter(c -> !Character.isSurrogate((char) c.intValue()))),
                Tuple.of(2, Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT)));
        return codePoints.list().ofMaxSize(24).map(LiteralValues::fromCodePoints);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    static Arbitrary<BigInteger> bigIntegersBeyondLong() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(TWO_TO_63, HUGE),
                Arbitraries.bigIntegers().between(HUGE.negate(), TWO_TO_63.negate().subtract(BigInteger.ONE)));
    }

    /** Any bit pattern that is finite, plus the values with short or special reprs. */
    static Arbitrary<Double> finiteDoubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).ofScale(4)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 1e16, 9999999999999998.0, 1e-4, 1e-5, 0x1p53, 0.1)));
    }
}
