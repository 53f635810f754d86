package org.testfarm.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;

class HistoryPageTest {

    static final ClientRef LINUX = new ClientRef("proj", "linux");
    static final ClientRef MAC = new ClientRef("proj", "mac");

    @TempDir
    Path logs;
    TestFarm farm;

    @BeforeEach
    void farm() {
        farm = new TestFarm(logs).project("proj", null, null).client(LINUX, "Debian", null).client(MAC, null, null);
        farm.finished(LINUX, "20260227-080000", true, "", "a");
        farm.finished(LINUX, "20260310-080000", false, "x", "b");
        farm.finished(LINUX, "20260310-100000", true, "", "c");
        farm.running(MAC, "20260310-110000");
    }

    @AfterEach
    void close() {
        farm.close();
    }

    @Test
    void rowsAreDaysNewestFirstWithEachClientsExecutionsAsBubblesInTheirColumn() {
        HistoryPage page = HistoryPage.latest(farm.index, "proj");
        assertThat(page.columns()).extracting(HistoryPage.Column::name).containsExactly("linux", "mac");
        assertThat(page.days()).extracting(HistoryPage.Day::iso).containsExactly("2026-03-10", "2026-02-27");
        HistoryPage.Day today = page.days().get(0);
        assertThat(today.cells().get(0).bubbles()).extracting(b -> b.outcome().css()).containsExactly("broken", "stable");
        assertThat(today.cells().get(1).bubbles()).singleElement().satisfies(b -> {
            assertThat(b.outcome().css()).isEqualTo("running");
            assertThat(b.start()).isEqualTo("11:00");
            assertThat(b.end()).isEqualTo("…");
            assertThat(b.href()).isEqualTo("details-mac-20260310-110000.html");
        });
    }

    @Test
    void theLatestPageShowsEachClientsStateAndStatsThumbnailAndLinksEveryMonth() {
        HistoryPage page = HistoryPage.latest(farm.index, "proj");
        HistoryPage.Column linux = page.columns().get(0);
        assertThat(linux.status().css()).isEqualTo("green");
        assertThat(linux.thumbnailSrc()).isEqualTo("linux-stats-thumb.png");
        assertThat(page.months()).extracting(Link::href)
                .containsExactly("history-2026-03.html", "history-2026-02.html");
        assertThat(TestFarm.html(page)).contains("http-equiv=\"refresh\"");
    }

    @Test
    void aMonthPageHoldsOnlyThatMonthAndNoCurrentState() {
        HistoryPage february = HistoryPage.month(farm.index, "proj", YearMonth.of(2026, 2));
        assertThat(february.days()).extracting(HistoryPage.Day::iso).containsExactly("2026-02-27");
        assertThat(february.columns()).noneMatch(HistoryPage.Column::current);
        assertThat(TestFarm.html(february)).contains("February 2026").doesNotContain("http-equiv=\"refresh\"");
    }
}
