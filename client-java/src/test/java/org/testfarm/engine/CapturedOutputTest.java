package org.testfarm.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapturedOutputTest {

    private static void out(CapturedOutput output, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        output.appendStdout(bytes, bytes.length);
    }

    private static void err(CapturedOutput output, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        output.appendStderr(bytes, bytes.length);
    }

    @Test
    void shortOutputIsRenderedWholeWithStderrChunksWrappedInRed() {
        CapturedOutput output = new CapturedOutput(1000);
        out(output, "partial\n");
        err(output, "broken\n");

        assertThat(output.render(1000, UTF_8)).isEqualTo("partial\n\u001b[31mbroken\n\u001b[0m");
        assertThat(output.size()).isEqualTo(8 + 5 + 7 + 4);
    }

    @Test
    void longOutputKeepsHeadAndTailAroundALineSayingHowManyBytesWereLeftOut() {
        CapturedOutput output = new CapturedOutput(100);
        for (int i = 0; i < 1000; i++) {
            out(output, String.format("line %04d\n", i)); // 10 bytes each
        }

        String rendered = output.render(100, UTF_8);

        assertThat(rendered).startsWith("line 0000\nline 0001\nline 0002\nline 0003\nline 0004\n")
                .endsWith("line 0995\nline 0996\nline 0997\nline 0998\nline 0999\n")
                .contains("\n[TestFarm] 9900 bytes of output left out here\n");
        assertThat(rendered).hasSize(100 + "[TestFarm] 9900 bytes of output left out here\n".length());
    }

    @Test
    void renderingBelowTheCapacityCutsTheKeptOutputFurther() {
        CapturedOutput output = new CapturedOutput(1000);
        out(output, "a".repeat(300));
        out(output, "z".repeat(300));

        assertThat(output.render(1000, UTF_8)).isEqualTo("a".repeat(300) + "z".repeat(300));
        assertThat(output.render(100, UTF_8)).isEqualTo(
                "a".repeat(50) + "\n[TestFarm] 500 bytes of output left out here\n" + "z".repeat(50));
    }

    @Test
    void cutInsideAStderrChunkClosesTheRedBeforeTheMarkerAndReopensItAfter() {
        CapturedOutput output = new CapturedOutput(40);
        err(output, "e".repeat(100));

        String rendered = output.render(40, UTF_8);

        assertThat(rendered).startsWith("\u001b[31m" + "e".repeat(15) + "\n\u001b[0m[TestFarm] ")
                .contains(" bytes of output left out here\n\u001b[31m")
                .endsWith("e".repeat(16) + "\u001b[0m");
    }

    @Test
    void singleHugeChunkKeepsItsFirstAndLastBytes() {
        CapturedOutput output = new CapturedOutput(10);
        out(output, "0123456789abcdefghij");

        assertThat(output.render(10, UTF_8)).isEqualTo("01234\n[TestFarm] 10 bytes of output left out here\nfghij");
    }
}
