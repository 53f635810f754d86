package org.testfarm.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherExtractorsTest {

    @TempDir
    Path tree;

    private Path write(String path, String content) throws Exception {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void sourceLinesCountsNonBlankLinesPerExtensionSkippingVcsAndTarget() throws Exception {
        write("src/Main.java", "class Main {\n\n   \n  void run() {}\n}\n");
        write("src/deep/Other.JAVA", "class Other {}"); // no final newline
        write("tools/build.py", "import os\r\n\r\nprint(os.name)\r\n");
        write("README", "no extension\n");
        write(".git/config", "[core]\n");
        write(".svn/entries.java", "ignored\n");
        write("target/Generated.java", "class Generated {}\n");
        Files.write(tree.resolve("src/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, '\n', 'x'});

        assertThat(StatsExtractors.sourceLines(tree).apply("ignored output"))
                .containsExactly(Map.entry("sloc.java", 4L), Map.entry("sloc.py", 2L));
    }

    @Test
    void sourceLinesForChosenExtensionsOnly() throws Exception {
        write("a.java", "x\n");
        write("b.py", "y\n");

        assertThat(StatsExtractors.sourceLines(tree, Set.of(".py")).apply(""))
                .containsExactly(Map.entry("sloc.py", 1L));
    }

    @Test
    void sourceLinesOfAMissingTreeThrowsSoTheCommandFailsWithTheReason() {
        Function<String, Map<String, Number>> extractor = StatsExtractors.sourceLines(tree.resolve("absent"));

        assertThatThrownBy(() -> extractor.apply("")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no directory to count source lines in");
    }

    @Test
    void elapsedSecondsGivesTheCommandsDurationToTheMillisecond() {
        assertThat(StatsExtractors.elapsedSeconds().apply("", Duration.ofMillis(12_345)))
                .containsExactly(Map.entry("elapsed_seconds", 12.345));
        assertThat(StatsExtractors.elapsedSeconds("build_time").apply(""))
                .containsExactly(Map.entry("build_time", 0.0));
    }

    @Test
    void allMergesPlainAndTimedExtractorsLaterNamesWinning() {
        TimedExtractor combined = StatsExtractors.all(
                out -> Map.of("tests", 1, "size", out.length()),
                StatsExtractors.elapsedSeconds(),
                out -> Map.of("tests", 2),
                out -> null);

        assertThat(combined.apply("abc", Duration.ofSeconds(2))).containsOnly(
                Map.entry("tests", 2), Map.entry("size", 3), Map.entry("elapsed_seconds", 2.0));
    }
}
