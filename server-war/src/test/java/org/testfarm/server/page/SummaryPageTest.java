package org.testfarm.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.state.FarmState;

class SummaryPageTest {

    static final ClientRef LINUX = new ClientRef("proj", "linux");
    static final ClientRef MAC = new ClientRef("proj", "mac");
    static final ClientRef SILENT = new ClientRef("proj", "silent");

    @TempDir
    Path logs;
    TestFarm farm;

    @BeforeEach
    void farm() {
        farm = new TestFarm(logs).project("proj", "My <b>project</b>", null)
                .client(LINUX, "<img src=\"linux.png\"/><script>alert(1)</script>", "Debian box")
                .client(MAC, null, null).client(SILENT, null, null);
        farm.finished(LINUX, "20260310-090000", true, "", "a1");
        farm.finished(MAC, "20260309-090000", true, "", "b1");
        farm.finished(MAC, "20260310-090000", false, "boom", "b2");
        farm.store.clientIdle(MAC, 30);
        farm.running(SILENT, "20260301-090000");
    }

    @AfterEach
    void close() {
        farm.close();
    }

    @Test
    void theStatusLineCountsRedGreenRunningAndNotResponding() {
        SummaryPage page = SummaryPage.of(farm.farm, "proj");
        // linux never promised to report again; silent is still within its allowed silence
        assertThat(page.counts()).isEqualTo(new SummaryPage.Counts(1, 1, 1, 1, 1));
    }

    @Test
    void aRedClientListsItsFailedTasksAndLinksToItsExecutionAndChanges() {
        SummaryPage.Row mac = SummaryPage.of(farm.farm, "proj").rows().get(1);
        assertThat(mac.status().css()).isEqualTo("red");
        assertThat(mac.failedTasks()).containsExactly("test");
        assertThat(mac.statusHref()).isEqualTo("details-mac-20260310-090000.html");
        assertThat(mac.changesHref()).isEqualTo("details-mac-20260310-090000.html#changes");
        assertThat(mac.doing().label()).isEqualTo("waiting");
        assertThat(mac.doingWhen()).isEqualTo("next check due");
        assertThat(mac.doingTime().text()).isEqualTo("2026-03-10 12:30");
    }

    @Test
    void anOverdueClientIsNotRespondingAndItsLostExecutionDoesNotDecideItsStatus() {
        // silence is measured from the files' modification times: look from hours after they were written
        FarmState later = new FarmState(farm.store, Clock.offset(Clock.systemUTC(), Duration.ofHours(3)),
                FarmState.DEFAULT_SILENCE);
        SummaryPage page = SummaryPage.of(later, "proj");
        SummaryPage.Row silent = page.rows().get(2);
        assertThat(page.counts().running()).isZero();
        assertThat(silent.doing().label()).isEqualTo("not responding");
        assertThat(silent.doingWhen()).isEqualTo("since");
        assertThat(silent.status().label()).isEqualTo("unknown");
    }

    @Test
    void descriptionsAreSanitisedAndNamesEscapedInTheRenderedPage() {
        String html = TestFarm.html(SummaryPage.of(farm.farm, "proj"));
        assertThat(html).contains("My <b>project</b>").contains("<img src=\"linux.png\" />")
                .doesNotContain("<script>alert").contains("http-equiv=\"refresh\" content=\"60\"");
    }
}
