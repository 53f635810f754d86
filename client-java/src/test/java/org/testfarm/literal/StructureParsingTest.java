package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructureParsingTest {

    @Test
    void namesAreBooleansAndNull() {
        assertThat(PyLiteral.parse("True")).isEqualTo(Boolean.TRUE);
        assertThat(PyLiteral.parse("False")).isEqualTo(Boolean.FALSE);
        assertThat(PyLiteral.parse("None")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "none", "NULL", "Truely", "None1", "print", "__import__", "os", "x"})
    void otherNamesAreRejectedNotEvaluated(String name) {
        assertThatThrownBy(() -> PyLiteral.parse(name))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("unknown name '" + name + "'");
    }

    @Test
    void callsAndExpressionsAreRejected() {
        for (String code : List.of("__import__('os').system('x')", "1 + 2", "[1][0]", "(1)(2)", "{1: 2}[1]",
                "lambda: 1", "[x for x in []]", "`1`", "1 if True else 2")) {
            assertThatThrownBy(() -> PyLiteral.parse(code)).as(code).isInstanceOf(LiteralException.class);
        }
    }

    @Test
    void listIsMutableArrayListThatAllowsNone() {
        Object parsed = PyLiteral.parse("[1, 'two', None, [3.0]]");
        assertThat(parsed).isInstanceOf(ArrayList.class)
                .isEqualTo(Arrays.asList(1L, "two", null, List.of(3.0)));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) parsed;
        list.add("more");
        assertThat(list).hasSize(5);
    }

    @Test
    void emptyContainers() {
        assertThat(PyLiteral.parse("[]")).isEqualTo(List.of());
        assertThat(PyLiteral.parse("()")).isEqualTo(PyTuple.of());
        assertThat(PyLiteral.parse("{}")).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of());
        assertThat(PyLiteral.parse("[ \n ]")).isEqualTo(List.of());
    }

    @Test
    void parenthesesAroundOneValueWithoutCommaAreJustGrouping() {
        assertThat(PyLiteral.parse("(1)")).isEqualTo(1L);
        assertThat(PyLiteral.parse("((('x')))")).isEqualTo("x");
        assertThat(PyLiteral.parse("([1])")).isEqualTo(List.of(1L));
        assertThat(PyLiteral.parse("(1,)")).isEqualTo(PyTuple.of(1L));
        assertThat(PyLiteral.parse("((1,))")).isEqualTo(PyTuple.of(1L));
        assertThat(PyLiteral.parse("(None,)")).isEqualTo(PyTuple.of((Object) null));
        assertThat(PyLiteral.parse("(1, 2)")).isEqualTo(PyTuple.of(1L, 2L));
    }

    @Test
    void trailingCommasAreAllowedInEveryContainer() {
        assertThat(PyLiteral.parse("[1, 2,]")).isEqualTo(List.of(1L, 2L));
        assertThat(PyLiteral.parse("(1, 2, )")).isEqualTo(PyTuple.of(1L, 2L));
        assertThat(PyLiteral.parse("{'a': 1,}")).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void dictKeepsSourceOrderAndLastValueOfRepeatedKey() {
        Object parsed = PyLiteral.parse("{'z': 1, 'a': 2, 'm': 3, 'a': 4}");
        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) parsed).keySet())).containsExactly("z", "a", "m");
        assertThat(((Map<?, ?>) parsed).get("a")).isEqualTo(4L);
    }

    @Test
    void dictKeysMayBeAnyHashableLiteral() {
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("s", 1L);
        expected.put(2L, "int");
        expected.put(0.5, "float");
        expected.put(PyTuple.of(1L, PyTuple.of("nested")), "tuple");
        expected.put(null, "none");
        expected.put(true, "bool");
        assertThat(PyLiteral.parse(
                "{'s': 1, 2: 'int', 0.5: 'float', (1, ('nested',)): 'tuple', None: 'none', True: 'bool'}"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{[1]: 2}", "{{}: 2}", "{(1, [2]): 3}", "{((1, {}),): 3}", "{([1]): 2}"})
    void unhashableDictKeysAreRejected(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(literal))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("unhashable dict key");
    }

    @Test
    void deeplyMixedNestingBuildsTheRightTypes() {
        Object parsed = PyLiteral.parse("{'a': [(1, {'b': (None, [True, False])}), []], 'c': ({},)}");
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put("b", PyTuple.of(null, List.of(true, false)));
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(PyTuple.of(1L, inner), List.of()));
        expected.put("c", PyTuple.of(Map.of()));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void whitespaceAroundAndBetweenTokensIsAllowed() {
        assertThat(PyLiteral.parse(" \t\r\n [ 1 ,\n\t( 2 , ) ,{ 'k' :\f3 } ] \n")).isEqualTo(
                List.of(1L, PyTuple.of(2L), Map.of("k", 3L)));
    }

    @Test
    void emptyOrBlankTextIsNotALiteral() {
        assertThatThrownBy(() -> PyLiteral.parse(""))
                .hasMessage("malformed literal at offset 0: expected a value but found end of input");
        assertThatThrownBy(() -> PyLiteral.parse("   "))
                .hasMessage("malformed literal at offset 3: expected a value but found end of input");
    }

    @Test
    void trailingGarbageIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> PyLiteral.parse("[1, 2] x"))
                .isInstanceOf(LiteralException.class)
                .hasMessage("malformed literal at offset 7: unexpected 'x' after the end of the literal")
                .extracting(e -> ((LiteralException) e).offset()).isEqualTo(7);
        assertThatThrownBy(() -> PyLiteral.parse("1 2")).hasMessageContaining("offset 2");
        assertThatThrownBy(() -> PyLiteral.parse("None\u0000")).hasMessageContaining("unexpected U+0000");
    }

    @Test
    void missingCloserSaysWhatWasExpectedAndWhereTheContainerOpened() {
        assertThatThrownBy(() -> PyLiteral.parse("[1, [2, 3"))
                .hasMessage("malformed literal at offset 9: expected ',' or ']' but found end of input"
                        + " (the container opened at offset 4)");
        assertThatThrownBy(() -> PyLiteral.parse("(1 2)"))
                .hasMessage("malformed literal at offset 3: expected ',' or ')' but found '2'"
                        + " (the container opened at offset 0)");
    }

    @Test
    void mismatchedClosersAreRejected() {
        for (String text : List.of("[1)", "(1]", "{1: 2]", "[1}", "]", ")", "}", "[1]]")) {
            assertThatThrownBy(() -> PyLiteral.parse(text)).as(text).isInstanceOf(LiteralException.class);
        }
    }

    @Test
    void dictEntriesNeedKeyColonValue() {
        assertThatThrownBy(() -> PyLiteral.parse("{1}"))
                .hasMessage("malformed literal at offset 2: expected ':' but found '}'");
        assertThatThrownBy(() -> PyLiteral.parse("{1: }"))
                .hasMessage("malformed literal at offset 4: expected a value but found '}'");
        assertThatThrownBy(() -> PyLiteral.parse("{1: 2 3: 4}")).isInstanceOf(LiteralException.class);
        assertThatThrownBy(() -> PyLiteral.parse("{1, 2}")).isInstanceOf(LiteralException.class);
    }

    @Test
    void lonelyOrDoubledCommasAreRejected() {
        for (String text : List.of("[,]", "(,)", "{,}", "[1,,2]", "(1,,)", ",", "1,", "[1 2]")) {
            assertThatThrownBy(() -> PyLiteral.parse(text)).as(text).isInstanceOf(LiteralException.class);
        }
    }

    @Test
    void longNameInErrorMessageIsCut() {
        String name = "x".repeat(10_000);
        assertThatThrownBy(() -> PyLiteral.parse(name))
                .hasMessage("malformed literal at offset 0: unknown name '" + "x".repeat(40)
                        + "...' (only True, False and None are literals)");
    }

    @Test
    void nullTextIsAProgrammingError() {
        assertThatThrownBy(() -> PyLiteral.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
