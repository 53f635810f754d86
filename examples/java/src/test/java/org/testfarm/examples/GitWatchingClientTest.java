package org.testfarm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GitWatchingClientTest {

    @Test
    void testSummary_isTheRanLine() {
        assertThat(GitWatchingClient.testSummary("---\nRan 3 tests in 0.010s\n\nOK\n"))
                .isEqualTo("Ran 3 tests in 0.010s");
        assertThat(GitWatchingClient.testSummary("make: *** [check] Error 1\n")).isEqualTo("no test summary");
    }

    @Test
    void shellLines_isTheTotalOfWc() {
        assertThat(GitWatchingClient.shellLines("  3 src/greet.sh\n 18 tests/run.sh\n 21 total\n"))
                .isEqualTo(Map.of("shell_lines", 21L));
        assertThat(GitWatchingClient.shellLines("wc: no such file\n")).isEmpty();
    }

    @Test
    void definition_hasBuildTestAndSizeTasks_withTheirTemplatesFilled() {
        var client = GitWatchingClient.define().config(Map.of("sandbox", "/src/sample"));
        assertThat(client.plan().tasks()).extracting(t -> t.name()).containsExactly("Build", "Test", "Size");
        assertThat(client.plan().tasks().get(0).commands().get(0).line()).isEqualTo("make -j2");
    }
}
