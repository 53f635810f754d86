package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberLiteralParsingTest {

    static Stream<Arguments> ints() {
        return Stream.of(
                Arguments.of("0", 0L),
                Arguments.of("42", 42L),
                Arguments.of("-1", -1L),
                Arguments.of("+7", 7L),
                Arguments.of("- 7", -7L),
                Arguments.of("-0", 0L),
                Arguments.of("42L", 42L),
                Arguments.of("42l", 42L),
                Arguments.of("0L", 0L),
                Arguments.of("0x2a", 42L),
                Arguments.of("0X2A", 42L),
                Arguments.of("-0x10", -16L),
                Arguments.of("0xffL", 255L),
                Arguments.of("0755", 493L),
                Arguments.of("00", 0L),
                Arguments.of("0o755", 493L),
                Arguments.of("0O755L", 493L),
                Arguments.of("0b101", 5L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("0x7fffffffffffffff", Long.MAX_VALUE),
                Arguments.of("-0x8000000000000000", Long.MIN_VALUE),
                Arguments.of("000000000000000000000000000000001", 1L),
                Arguments.of("999999999999999999", 999_999_999_999_999_999L),
                Arguments.of("1000000000000000000", 1_000_000_000_000_000_000L),
                Arguments.of(" 7 ", 7L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ints")
    void intsThatFitAreLongs(String literal, long expected) {
        assertThat(PyLiteral.parse(literal)).isInstanceOf(Long.class).isEqualTo(expected);
    }

    static Stream<Arguments> bigInts() {
        return Stream.of(
                Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
                Arguments.of("-9223372036854775809", new BigInteger("-9223372036854775809")),
                Arguments.of("123456789012345678901234567890L", new BigInteger("123456789012345678901234567890")),
                Arguments.of("0x10000000000000000", BigInteger.ONE.shiftLeft(64)),
                Arguments.of("-0b1" + "0".repeat(70), BigInteger.ONE.shiftLeft(70).negate()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bigInts")
    void intsBeyondSixtyFourBitsAreBigIntegers(String literal, BigInteger expected) {
        assertThat(PyLiteral.parse(literal)).isInstanceOf(BigInteger.class).isEqualTo(expected);
    }

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of("0.5", 0.5),
                Arguments.of("1e-05", 1e-05),
                Arguments.of(".5", 0.5),
                Arguments.of("5.", 5.0),
                Arguments.of("1E10", 1e10),
                Arguments.of("1e+16", 1e16),
                Arguments.of("-2.5", -2.5),
                Arguments.of("+.25", 0.25),
                Arguments.of("12.5", 12.5),
                Arguments.of("0.0", 0.0),
                Arguments.of("1.7976931348623157e+308", Double.MAX_VALUE),
                Arguments.of("5e-324", Double.MIN_VALUE),
                Arguments.of("1e-400", 0.0),
                Arguments.of("07.5", 7.5),
                Arguments.of("08.5", 8.5),
                Arguments.of("09e1", 90.0),
                Arguments.of("5.e3", 5000.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floats")
    void floatsAreDoubles(String literal, double expected) {
        assertThat(PyLiteral.parse(literal)).isInstanceOf(Double.class).isEqualTo(expected);
    }

    @Test
    void negativeZeroFloatKeepsItsSign() {
        assertThat(PyLiteral.parse("-0.0")).isEqualTo(-0.0).isNotEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"08", "0789", "0x", "0xg", "0b2", "0o8", "1e", "1e+", "1.5L", "1j", "1.5j",
        "12abc", "1.2.3", "1__0", "0x1.8p3", "--1", "-+1", "-", "+", "- x", "-'a'", "-True", "-[1]",
        "inf", "nan", "-inf", "Infinity", "NaN", "1e400", "-1e400", "."})
    void malformedOrNonFiniteNumbersAreRejected(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(literal)).isInstanceOf(LiteralException.class);
    }

    @Test
    void intsInsideContainersEndAtTheirDelimiter() {
        assertThat(PyLiteral.parse("[1,22 ,(333),{4: 5}]").toString()).isEqualTo("[1, 22, 333, {4=5}]");
    }

    @Test
    void octalErrorPointsAtTheBadDigit() {
        assertThatThrownBy(() -> PyLiteral.parse("[0758]"))
                .hasMessage("malformed literal at offset 4: malformed number: '8' in an octal int (a leading 0 means octal)");
    }

    @Test
    void signBeforeNonNumberSaysSignsApplyToNumbersOnly() {
        assertThatThrownBy(() -> PyLiteral.parse("-None"))
                .hasMessage("malformed literal at offset 1: expected a number after '-' but found 'N'"
                        + " (signs apply to numbers only)");
    }

    @Test
    void overflowingFloatIsRejectedBecauseItsValueWouldNotBeALiteral() {
        assertThatThrownBy(() -> PyLiteral.parse("1e309"))
                .hasMessage("malformed literal at offset 0: float literal too large: it would be infinite");
    }

    @Test
    void intOfMaximumDigitCountIsAcceptedOneMoreIsRejected() {
        String longest = "9".repeat(NumberLiteralDecoder.MAX_INT_DIGITS);
        assertThat(PyLiteral.parse(longest)).isEqualTo(new BigInteger(longest));
        assertThatThrownBy(() -> PyLiteral.parse(longest + "9"))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("int literal longer than 4300 digits");
    }

    @Test
    void floatWithMillionsOfDigitsParsesQuickly() {
        String huge = "0." + "0".repeat(2_000_000) + "1";
        long started = System.nanoTime();
        assertThat(PyLiteral.parse(huge)).isEqualTo(0.0);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
