package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Whatever text arrives, parsing returns a value or throws {@link LiteralException},
 * never anything else (no StackOverflowError, no NumberFormatException...), and soon.
 */
class MalformedLiteralFuzzTest {

    /**
     * Not a performance target (those live in benchmarks): a guard that turns a parse
     * that never ends, or one quadratic in these megabyte inputs (hours), into a
     * failure, with room for a loaded shared machine.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(60);

    /** Characters that matter to the grammar, and some that should not be there at all. */
    private static final String TOKEN_CHARS = "'\"\\[](){}:,.-+0123456789eEjxXoObBlLuUrRNaftvn_ \t\n\r\f#`";
    private static final String ODD_CHARS = "\u0000\u0007\u007f\u00a0\u00e9\u2028\ufeff\ufffd\ud800\udc00";

    private static final List<String> SEEDS = List.of(
            "[('startExecution',), ('startTask', 1, 'build'), ('endCommand', 1, 2, 'caf\\xc3\\xa9\\n', True,"
                    + " None, {'tests': 120, 'time': 12.5}), ('endExecution', False, '20130305-120000')]",
            "{'changelog': [('repo', 'Dev One <dev@example.org>', 'abc123')], 'timestamp': '20130301-101010'}",
            "u'\\u00e9\\U0001F600\\N{DASH}\\x41\\101' + ur'\\u0041\\\\' + b'\\0\\a' + BR'\\x'",
            "'''tri\"ple''' \"\"\"dou'ble\"\"\" '\\\n' \"it's\"",
            "(0755, 0o17, 0x1fL, 0b101, -42L, 9223372036854775808, 1e-05, .5, 5., -0.0, 1E+16, 07.5)",
            "{(1, ('a', None)): [True, False, {}], None: (), 0.5: [[]], -3: ((1,),)}",
            "'\\x1b[31mred\\x1b[0m caf\\\\xc3\\\\xa9\\n'");

    record Mutation(int kind, double where, char c) {

        String applyTo(String text) {
            int at = (int) (where * text.length());
            switch (kind) {
                case 0:
                    return at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
                case 1:
                    return text.substring(0, at) + c + text.substring(at);
                case 2:
                    return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                case 3:
                    return text.substring(0, at) + text.substring(at, Math.min(text.length(), at + 8)).repeat(3)
                            + text.substring(Math.min(text.length(), at + 8));
                default:
                    return text.substring(0, at);
            }
        }
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SEEDS)),
                Tuple.of(1, LiteralValues.nested().map(PyLiteral::format)));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(TOKEN_CHARS.chars().mapToObj(c -> (char) c).toArray(Character[]::new))),
                Tuple.of(2, Arbitraries.of(ODD_CHARS.chars().mapToObj(c -> (char) c).toArray(Character[]::new))),
                Tuple.of(1, Arbitraries.chars()));
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.doubles().between(0, 1),
                chars).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.strings().withChars(TOKEN_CHARS + ODD_CHARS).ofMaxLength(60);
    }

    @Property(tries = 2000)
    void mutatedLiteralParsesOrIsRejectedWithLiteralException(
            @ForAll("seeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        String text = seed;
        for (Mutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        parsesOrIsRejected(text);
    }

    @Property(tries = 3000)
    void tokenSoupParsesOrIsRejectedWithLiteralException(@ForAll("tokenSoup") String text) {
        parsesOrIsRejected(text);
    }

    /** And when it parses, the value formats to a literal that reads back to the same text. */
    private static void parsesOrIsRejected(String text) {
        Supplier<String> shown = () -> "parsing " + PyLiteral.format(text);
        Object value = assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                return new Object[] {PyLiteral.parse(text)};
            } catch (LiteralException rejected) {
                assertThat(rejected.offset()).isBetween(0, text.length());
                return null;
            }
        }, shown);
        if (value != null) {
            String formatted = PyLiteral.format(((Object[]) value)[0]);
            assertThat(PyLiteral.format(PyLiteral.parse(formatted))).as(shown).isEqualTo(formatted);
        }
    }

    @Test
    void hundredThousandOpenBracketsOfEachKindAreRejectedAtTheDepthLimit() {
        for (String open : List.of("[", "(", "{1: ", "[{'k': (")) {
            String text = open.repeat(100_000);
            assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> PyLiteral.parse(text))
                    .as(open).isInstanceOf(LiteralException.class)
                    .hasMessageContaining("nested deeper than the limit of 64"));
        }
    }

    @Test
    void hundredThousandBalancedBracketsAreRejectedEvenAtTheDeepestLimit() {
        String text = "[".repeat(100_000) + "]".repeat(100_000);
        LiteralLimits deepest = new LiteralLimits(LiteralLimits.DEPTH_CEILING, Integer.MAX_VALUE);
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> PyLiteral.parse(text, deepest))
                .isInstanceOf(LiteralException.class)
                .hasMessage("malformed literal at offset 1000: nested deeper than the limit of 1000 containers"));
    }

    @Test
    void hundredThousandSignsOrClosersAreRejectedQuickly() {
        for (String text : List.of("-".repeat(100_000) + "1", "]".repeat(100_000), ",".repeat(100_000),
                "(".repeat(60) + ")".repeat(100_000), "1" + "L".repeat(100_000))) {
            assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> PyLiteral.parse(text))
                    .isInstanceOf(LiteralException.class));
        }
    }

    @Test
    void hugeButValidLiteralsParseQuickly() {
        String manyItems = "[" + "(1, 'x', None), ".repeat(100_000) + "]";
        String manyEscapes = "'" + "\\xc3\\xa9\\\\\\n".repeat(100_000) + "'";
        String manyCodePoints = "u'" + "\\U0001F600\\u00e9".repeat(100_000) + "'";
        String deepInsideAString = "'" + "[".repeat(1_000_000) + "'";
        String longDigits = "0." + "3".repeat(1_000_000);
        assertTimeoutPreemptively(QUICKLY, () -> {
            assertThat((List<?>) PyLiteral.parse(manyItems)).hasSize(100_000);
            assertThat((String) PyLiteral.parse(manyEscapes)).hasSize(3 * 100_000);
            assertThat((String) PyLiteral.parse(manyCodePoints)).hasSize(3 * 100_000);
            assertThat((String) PyLiteral.parse(deepInsideAString)).hasSize(1_000_000);
            assertThat(PyLiteral.parse(longDigits)).isEqualTo(1 / 3.0);
        });
    }

    @Test
    void hugeMalformedLiteralsAreRejectedQuickly() {
        for (String text : List.of("'" + "\\".repeat(1_000_001), "'''" + "'".repeat(1_000_000) + "''",
                "u'" + "\\u".repeat(1_000), "r'" + "\\'".repeat(1_000_000), "9".repeat(1_000_000),
                "0x" + "f".repeat(1_000_000), "{" + "1: 2, ".repeat(100_000) + "[]: 3}",
                " ".repeat(1_000_000), "u'\\N{" + "A".repeat(1_000_000) + "}'")) {
            assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> PyLiteral.parse(text))
                    .isInstanceOf(LiteralException.class));
        }
    }
}
