package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralLimitsTest {

    private static String nestedLists(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void defaultLimitsAreSixtyFourLevelsAndSixteenMebichars() {
        assertThat(LiteralLimits.DEFAULT).isEqualTo(new LiteralLimits(64, 16 * 1024 * 1024));
    }

    @Test
    void nestingUpToTheDefaultDepthIsAcceptedOneMoreIsRejected() {
        assertThat(PyLiteral.parse(nestedLists(64))).isInstanceOf(List.class);
        assertThatThrownBy(() -> PyLiteral.parse(nestedLists(65)))
                .isInstanceOf(LiteralException.class)
                .hasMessage("malformed literal at offset 64: nested deeper than the limit of 64 containers");
    }

    @Test
    void everyKindOfContainerCountsTowardsDepth() {
        LiteralLimits three = new LiteralLimits(3, 1000);
        assertThat(PyLiteral.parse("[({'k': 1},)]", three)).isInstanceOf(List.class);
        assertThatThrownBy(() -> PyLiteral.parse("[({'k': [1]},)]", three)).isInstanceOf(LiteralException.class);
        assertThatThrownBy(() -> PyLiteral.parse("((((1))))", three))
                .as("grouping parentheses nest too").isInstanceOf(LiteralException.class);
    }

    @Test
    void siblingsDoNotAddUpDepth() {
        LiteralLimits two = new LiteralLimits(2, 100_000);
        String wide = "[" + "[1], ".repeat(5000) + "[]]";
        assertThat((List<?>) PyLiteral.parse(wide, two)).hasSize(5001);
    }

    @Test
    void zeroDepthAdmitsScalarsOnly() {
        LiteralLimits scalarsOnly = new LiteralLimits(0, 100);
        assertThat(PyLiteral.parse("'text'", scalarsOnly)).isEqualTo("text");
        assertThatThrownBy(() -> PyLiteral.parse("[]", scalarsOnly)).isInstanceOf(LiteralException.class);
    }

    @Test
    void deepestAllowedLimitParsesAThousandLevelsOfTupleKeys() {
        LiteralLimits deepest = new LiteralLimits(LiteralLimits.DEPTH_CEILING, 100_000);
        int tuples = LiteralLimits.DEPTH_CEILING - 1;
        String key = "(".repeat(tuples) + "1" + ",)".repeat(tuples);
        Object parsed = PyLiteral.parse("{" + key + ": 'deep'}", deepest);
        assertThat(parsed.hashCode()).isNotZero();
        assertThat(PyLiteral.format(parsed)).isEqualTo("{" + key + ": 'deep'}");
    }

    @Test
    void valuesAtTheDepthCeilingSurviveJavasRecursiveEqualsHashCodeAndToString() {
        LiteralLimits deepest = new LiteralLimits(LiteralLimits.DEPTH_CEILING, 100_000);
        int levels = LiteralLimits.DEPTH_CEILING / 2;
        String mixed = "[{'k': ".repeat(levels) + "None" + "}]".repeat(levels);
        Object parsed = PyLiteral.parse(mixed, deepest);
        assertThat(parsed).isEqualTo(PyLiteral.parse(mixed, deepest));
        assertThat(parsed.hashCode()).isEqualTo(PyLiteral.parse(mixed, deepest).hashCode());
        assertThat(parsed.toString()).startsWith("[{k=[{k=");
        assertThat(PyLiteral.format(parsed)).isEqualTo(mixed);
    }

    @Test
    void textUpToTheLengthLimitIsAcceptedOneCharMoreIsRejectedBeforeParsing() {
        LiteralLimits ten = new LiteralLimits(8, 10);
        assertThat(PyLiteral.parse("'12345678'", ten)).isEqualTo("12345678");
        assertThatThrownBy(() -> PyLiteral.parse("'123456789'", ten))
                .isInstanceOf(LiteralException.class)
                .hasMessage("literal too long: 11 characters, the limit is 10")
                .extracting(e -> ((LiteralException) e).offset()).isEqualTo(-1);
        assertThatThrownBy(() -> PyLiteral.parse("[" + "x".repeat(100), ten))
                .as("length is checked first").hasMessageStartingWith("literal too long");
    }

    @Test
    void surroundingWhitespaceCountsTowardsLength() {
        LiteralLimits four = new LiteralLimits(8, 4);
        assertThat(PyLiteral.parse(" 12 ", four)).isEqualTo(12L);
        assertThatThrownBy(() -> PyLiteral.parse(" 12  ", four)).isInstanceOf(LiteralException.class);
    }

    @Test
    void defaultLengthLimitRejectsSeventeenMebichars() {
        String oversize = "'" + "x".repeat(17 * 1024 * 1024) + "'";
        assertThatThrownBy(() -> PyLiteral.parse(oversize)).hasMessageStartingWith("literal too long");
    }

    @Test
    void limitsOutOfRangeAreProgrammingErrors() {
        assertThatThrownBy(() -> new LiteralLimits(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiteralLimits(LiteralLimits.DEPTH_CEILING + 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiteralLimits(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PyLiteral.parse("1", null)).isInstanceOf(NullPointerException.class);
    }
}
