package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RoundTripPropertiesTest {

    @Provide
    Arbitrary<Object> nestedValues() {
        return LiteralValues.nested();
    }

    @Provide
    Arbitrary<String> texts() {
        return LiteralValues.texts();
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return LiteralValues.finiteDoubles();
    }

    @Provide
    Arbitrary<BigInteger> bigIntegersBeyondLong() {
        return LiteralValues.bigIntegersBeyondLong();
    }

    @Property(tries = 1000)
    void formattedNestedValueParsesBackEqualAndFormatsIdentically(@ForAll("nestedValues") Object value) {
        String text = PyLiteral.format(value);
        Object parsed = PyLiteral.parse(text);
        assertThat(parsed).isEqualTo(value);
        assertThat(PyLiteral.format(parsed)).as("dict order and every byte survive").isEqualTo(text);
    }

    @Property(tries = 500)
    void formattedNestedValueIsPrintableAsciiOnOneLine(@ForAll("nestedValues") Object value) {
        assertThat(PyLiteral.format(value).chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Property(tries = 3000)
    void anyTextRoundTrips(@ForAll("texts") String text) {
        assertThat(PyLiteral.parse(PyLiteral.format(text))).isEqualTo(text);
    }

    @Property(tries = 1000)
    void anyTextAlsoRoundTripsThroughUnicodeAndTripleQuotedForms(@ForAll("texts") String text) {
        String formatted = PyLiteral.format(text);
        char quote = formatted.charAt(0);
        String body = formatted.substring(1, formatted.length() - 1);
        assertThat(PyLiteral.parse("b" + formatted)).isEqualTo(text);
        if (!body.endsWith(String.valueOf(quote)) && !body.contains(String.valueOf(quote).repeat(3))) {
            String triple = String.valueOf(quote).repeat(3);
            assertThat(PyLiteral.parse(triple + body + triple)).isEqualTo(text);
        }
    }

    @Property(tries = 3000)
    void anyFiniteDoubleRoundTripsBitForBit(@ForAll("finiteDoubles") double value) {
        Object parsed = PyLiteral.parse(PyLiteral.format(value));
        assertThat(parsed).isInstanceOf(Double.class);
        assertThat(Double.doubleToRawLongBits((Double) parsed)).isEqualTo(Double.doubleToRawLongBits(value));
    }

    @Property(tries = 1000)
    void anyLongRoundTripsAsLong(@ForAll long value) {
        assertThat(PyLiteral.parse(PyLiteral.format(value))).isInstanceOf(Long.class).isEqualTo(value);
        assertThat(PyLiteral.parse(PyLiteral.format(value) + "L")).isEqualTo(value);
    }

    @Property(tries = 1000)
    void anyIntegerBeyondLongRoundTripsAsBigInteger(@ForAll("bigIntegersBeyondLong") BigInteger value) {
        assertThat(PyLiteral.parse(PyLiteral.format(value))).isInstanceOf(BigInteger.class).isEqualTo(value);
        String hex = (value.signum() < 0 ? "-0x" : "0x") + value.abs().toString(16);
        assertThat(PyLiteral.parse(hex)).isEqualTo(value);
    }
}
