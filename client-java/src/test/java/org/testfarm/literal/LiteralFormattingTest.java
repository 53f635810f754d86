package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiteralFormattingTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("", "''"),
                Arguments.of("plain", "'plain'"),
                Arguments.of("it's", "\"it's\""),
                Arguments.of("say \"hi\"", "'say \"hi\"'"),
                Arguments.of("it's \"both\"", "'it\\'s \"both\"'"),
                Arguments.of("back\\slash", "'back\\\\slash'"),
                Arguments.of("\n\r\t", "'\\n\\r\\t'"),
                Arguments.of("\0\u0007\b\f\u000b\u001b\u007f", "'\\x00\\x07\\x08\\x0c\\x0b\\x1b\\x7f'"),
                Arguments.of("café", "'caf\\xc3\\xa9'"),
                Arguments.of("\u00ff\u0800\uffff", "'\\xc3\\xbf\\xe0\\xa0\\x80\\xef\\xbf\\xbf'"),
                Arguments.of("\uD83D\uDE00", "'\\xf0\\x9f\\x98\\x80'"),
                Arguments.of("~ <b>&</b>", "'~ <b>&</b>'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("strings")
    void stringIsWrittenAsPython2StrReprOfItsUtf8Bytes(String value, String expected) {
        assertThat(PyLiteral.format(value)).isEqualTo(expected);
    }

    @Test
    void unpairedSurrogateIsWrittenAsReplacementCharacter() {
        assertThat(PyLiteral.format("a\uD800b")).isEqualTo("'a\\xef\\xbf\\xbdb'");
        assertThat(PyLiteral.format("\uDE00")).isEqualTo("'\\xef\\xbf\\xbd'");
    }

    @Test
    void scalarsAreWrittenLikeRepr() {
        assertThat(PyLiteral.format(null)).isEqualTo("None");
        assertThat(PyLiteral.format(true)).isEqualTo("True");
        assertThat(PyLiteral.format(false)).isEqualTo("False");
        assertThat(PyLiteral.format(42L)).isEqualTo("42");
        assertThat(PyLiteral.format(-7)).isEqualTo("-7");
        assertThat(PyLiteral.format((short) 3)).isEqualTo("3");
        assertThat(PyLiteral.format((byte) -3)).isEqualTo("-3");
        assertThat(PyLiteral.format(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(PyLiteral.format(BigInteger.TEN.pow(30))).isEqualTo("1" + "0".repeat(30));
    }

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of(0.5, "0.5"),
                Arguments.of(12.0, "12.0"),
                Arguments.of(1e-05, "1e-05"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(1e16, "1e+16"),
                Arguments.of(1e15, "1000000000000000.0"),
                Arguments.of(9007199254740992.0, "9007199254740992.0"),
                Arguments.of(1.5e20, "1.5e+20"),
                Arguments.of(-0.0, "-0.0"),
                Arguments.of(0.0, "0.0"),
                Arguments.of(0.1, "0.1"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(1 / 3.0, "0.3333333333333333"),
                Arguments.of(2 / 3.0, "0.6666666666666666"),
                Arguments.of(-12.5, "-12.5"),
                Arguments.of(123456789.123, "123456789.123"),
                Arguments.of(Math.PI, "3.141592653589793"),
                Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(Double.MIN_VALUE, "5e-324"),
                Arguments.of(Double.MIN_NORMAL, "2.2250738585072014e-308"),
                Arguments.of(1e100, "1e+100"),
                Arguments.of(1.0E23, "1e+23"),
                Arguments.of(2.82879384806159E17, "2.82879384806159e+17"),
                Arguments.of(0x1p63, "9.223372036854776e+18"),
                Arguments.of(1234.5e-10, "1.2345e-07"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("floats")
    void doubleIsWrittenWithShortestRoundTripDigitsLikePython27Repr(double value, String expected) {
        assertThat(PyLiteral.format(value)).isEqualTo(expected);
        assertThat(PyLiteral.parse(expected)).isEqualTo(value);
    }

    @Test
    void floatIsWrittenAsTheDoubleItWidensTo() {
        assertThat(PyLiteral.format(0.5f)).isEqualTo("0.5");
        assertThat(PyLiteral.format(0.1f)).isEqualTo("0.10000000149011612");
    }

    @Test
    void nonFiniteFloatsHaveNoLiteral() {
        for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> PyLiteral.format(value)).as(value.toString())
                    .isInstanceOf(LiteralException.class)
                    .hasMessageContaining("Python has no literal for it");
        }
        assertThatThrownBy(() -> PyLiteral.format(List.of(1.0, Double.NaN))).isInstanceOf(LiteralException.class);
    }

    @Test
    void containersAreWrittenWithCommaSpaceSeparators() {
        assertThat(PyLiteral.format(List.of())).isEqualTo("[]");
        assertThat(PyLiteral.format(Arrays.asList(1L, "a", null))).isEqualTo("[1, 'a', None]");
        assertThat(PyLiteral.format(PyTuple.of())).isEqualTo("()");
        assertThat(PyLiteral.format(PyTuple.of(1L))).isEqualTo("(1,)");
        assertThat(PyLiteral.format(PyTuple.of((Object) null))).isEqualTo("(None,)");
        assertThat(PyLiteral.format(PyTuple.of(1L, 2L))).isEqualTo("(1, 2)");
        assertThat(PyLiteral.format(Map.of())).isEqualTo("{}");
        Map<Object, Object> dict = new LinkedHashMap<>();
        dict.put("tests", 12L);
        dict.put("ratio", 0.5);
        dict.put(PyTuple.of("k", 1L), List.of(PyTuple.of()));
        dict.put(null, Map.of());
        assertThat(PyLiteral.format(dict))
                .isEqualTo("{'tests': 12, 'ratio': 0.5, ('k', 1): [()], None: {}}");
    }

    @Test
    void snapshotOfGitRunIsWrittenByteForByteAsTheCapturedClientSentIt() {
        List<Object> snapshot = List.of(
                PyTuple.of("sandbox", "Dev One <dev@example.org>", "d7bd923d8d10a3b35d2ef0a9fd80501828d5fd98"),
                PyTuple.of("sandbox", "Dev One <dev@example.org>", "060825cc3eaeac23f8040b76d5af444ad5beec48"));
        assertThat(PyLiteral.format(snapshot)).isEqualTo(
                "[('sandbox', 'Dev One <dev@example.org>', 'd7bd923d8d10a3b35d2ef0a9fd80501828d5fd98'),"
                + " ('sandbox', 'Dev One <dev@example.org>', '060825cc3eaeac23f8040b76d5af444ad5beec48')]");
    }

    @Test
    void veryDeepNestingIsWrittenWithoutOverflowingTheStack() {
        Object value = "leaf";
        for (int i = 0; i < 100_000; i++) {
            value = i % 2 == 0 ? new ArrayList<>(List.of(value)) : PyTuple.of(value);
        }
        String text = PyLiteral.format(value);
        assertThat(text).startsWith("([([").endsWith("],)],)").contains("'leaf'");
    }

    @Test
    void containerThatHoldsItselfIsRefused() {
        List<Object> list = new ArrayList<>();
        list.add(1L);
        list.add(list);
        assertThatThrownBy(() -> PyLiteral.format(list))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("contains itself");
        Map<Object, Object> map = new HashMap<>();
        map.put("self", List.of(PyTuple.of(map)));
        assertThatThrownBy(() -> PyLiteral.format(map)).hasMessageContaining("contains itself");
    }

    @Test
    void sameContainerTwiceSideBySideIsNotACycle() {
        List<Object> shared = List.of(1L);
        assertThat(PyLiteral.format(List.of(shared, shared, PyTuple.of(shared)))).isEqualTo("[[1], [1], ([1],)]");
    }

    @Test
    void unhashableDictKeysAreRefusedBecausePythonCouldNotReadThemBack() {
        Map<Object, Object> listKey = new HashMap<>();
        listKey.put(List.of(1L), 2L);
        assertThatThrownBy(() -> PyLiteral.format(listKey)).hasMessageContaining("dict key");
        Map<Object, Object> tupleOfMapKey = new HashMap<>();
        tupleOfMapKey.put(PyTuple.of(1L, Map.of()), 2L);
        assertThatThrownBy(() -> PyLiteral.format(tupleOfMapKey)).hasMessageContaining("dict key");
    }

    @Test
    void otherTypesAreRefusedNamingTheType() {
        for (Object value : List.of(new BigDecimal("1.5"), 'c', new Object(), Optional.empty(), new int[] {1},
                Stream.of(1))) {
            assertThatThrownBy(() -> PyLiteral.format(value)).as(value.getClass().getName())
                    .isInstanceOf(LiteralException.class)
                    .hasMessageContaining("cannot format a " + value.getClass().getName());
        }
        assertThatThrownBy(() -> PyLiteral.format(List.of(new StringBuilder("x"))))
                .hasMessageContaining("java.lang.StringBuilder");
    }
}
