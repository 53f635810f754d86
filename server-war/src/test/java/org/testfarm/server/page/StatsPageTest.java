package org.testfarm.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

class StatsPageTest {

    static final ClientRef CLIENT = new ClientRef("proj", "linux");

    @Test
    void aPlotPerKeyWithItsFiguresAndTheLatestValuesNewestFirst(@TempDir Path logs) {
        try (TestFarm farm = new TestFarm(logs)) {
            farm.finished(CLIENT, "20260309-080000", true, "", "a");
            ExecutionRef last = farm.started(CLIENT, "20260310-080000", "b");
            farm.store.taskStarted(last, 1, "t");
            farm.store.commandStarted(last, 1, 1, "c");
            farm.store.commandEnded(last, 1, 1, "", true, null, Map.of("tests", 15, "<ratio>", 0.5));
            StatsPage page = StatsPage.of(CLIENT, farm.store.stats(CLIENT));

            assertThat(page.keys()).containsExactly("<ratio>", "tests", "warnings");
            assertThat(page.charts()).extracting(StatsPage.Chart::src)
                    .containsExactly("linux-stats-1.png", "linux-stats-2.png", "linux-stats-3.png");
            StatsPage.Chart tests = page.charts().get(1);
            assertThat(tests.latest()).isEqualTo("15");
            assertThat(tests.minimum()).isEqualTo("12");
            assertThat(page.recent().get(0).values()).containsExactly("0.5", "15", "");
            assertThat(page.jsonHref()).isEqualTo("linux-stats.json");
            assertThat(TestFarm.html(page)).contains("&lt;ratio&gt;").doesNotContain("<ratio>");
        }
    }
}
