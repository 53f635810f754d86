package org.testfarm.server.markup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.testfarm.server.markup.TerminalText.Keep;

/** Whatever a client sends, the markup is balanced, carries no markup of its own, and costs linear time. */
class TerminalTextFuzzTest {

    private static final Pattern TAG = Pattern.compile("<span class=\"[a-z0-9 ]+\">|</span>");

    @Provide
    Arbitrary<String> terminalSoup() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("\u001b", "\u001b[", "\u001b]", "[", "m", ";", ":", "38", "48", "5", "2", "255",
                        "0", "1", "7", "\n", "\r", "\u0007", "\\", "\u009b", "\u009d", "<", ">", "&", "\"", "'",
                        "<script>", "</span>", "<span class=\"x\">", "é", "\t", "\u0000", "?", "K", "(B"),
                Arbitraries.strings().ofMaxLength(4));
        return pieces.list().ofMaxSize(80).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void markupIsBalancedAndHasNoTagsButOurSpans(@ForAll("terminalSoup") String input) {
        assertWellFormed(TerminalText.html(input).markup());
    }

    @Property(tries = 500)
    void bothPartsOfACollapsedBlockAreBalanced(@ForAll("terminalSoup") String input) {
        String tall = input + "\n" + input.repeat(3).replace("m", "m\n");
        for (Keep keep : Keep.values()) {
            TextBlock block = TerminalText.block(tall, keep);
            assertWellFormed(block.shown().markup());
            assertWellFormed(block.hidden().markup());
        }
    }

    static void assertWellFormed(String markup) {
        int depth = 0;
        Matcher tags = TAG.matcher(markup);
        StringBuilder text = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            text.append(markup, last, tags.start());
            depth += tags.group().startsWith("</") ? -1 : 1;
            assertThat(depth).as("span depth in %s", markup).isBetween(0, 1);
            last = tags.end();
        }
        text.append(markup, last, markup.length());
        assertThat(depth).as("unclosed span in %s", markup).isZero();
        assertThat(text.toString()).as("raw markup from the input").doesNotContain("<", ">", "\u001b");
        assertThat(text.toString().replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
    }

    @Test
    void timeGrowsLinearlyOnHostileInputs() {
        String[] hostile = {
            "\u001b[" + "1;".repeat(8),            // long parameter lists
            "\u001b]0;" + "x".repeat(20),           // unterminated OSC runs
            "\u001b[31m<&>\u001b[0m\n",              // tag soup in colour, many lines
            "\u001b" + " ".repeat(30),              // nF intermediates
            "\u001b[38;2;1;2;3m\u001b[7m\u001b[27mé", // a style change per character
        };
        for (String unit : hostile) {
            long small = time(unit, 1 << 19);
            long large = time(unit, 1 << 22);
            // 8 times the input: well under 8x slack for noise, far from quadratic (64x)
            assertThat(large).as("time for %s", unit.replace("\u001b", "ESC"))
                    .isLessThan(Math.max(small * 24, 200_000_000L));
        }
    }

    private static long time(String unit, int size) {
        String input = unit.repeat(Math.max(1, size / unit.length()));
        TerminalText.html(input); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            TerminalText.block(input, Keep.TAIL);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
