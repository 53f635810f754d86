package org.testfarm.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

class DetailsPageTest {

    static final ClientRef CLIENT = new ClientRef("proj", "linux");

    @TempDir
    Path logs;
    TestFarm farm;

    @BeforeEach
    void farm() {
        farm = new TestFarm(logs).project("proj", null, null).client(CLIENT, null, null);
    }

    @AfterEach
    void close() {
        farm.close();
    }

    DetailsPage page(ExecutionRef ref) {
        return DetailsPage.of(farm.index, farm.farm.execution(ref), farm.store.executions(CLIENT));
    }

    @Test
    void aBrokenExecutionListsEveryChangeSinceTheLastGreenOneNewestFirst() {
        farm.finished(CLIENT, "20260308-090000", true, "", "green1");
        farm.finished(CLIENT, "20260309-090000", false, "boom", "red1");
        ExecutionRef red = farm.finished(CLIENT, "20260310-090000", false, "boom again", "red2");

        DetailsPage page = page(red);

        assertThat(page.outcome().css()).isEqualTo("broken");
        assertThat(page.headline()).isEqualTo("Broken: task 2 (test) failed.");
        assertThat(page.changesTitle()).contains("20260308-090000");
        assertThat(page.changes()).extracting(DetailsPage.ChangeView::revision).containsExactly("red2", "red1");
        assertThat(page.previous().href()).isEqualTo("details-linux-20260309-090000.html");
        assertThat(page.next().href()).isEmpty();
    }

    @Test
    void aStableExecutionShowsTheChangesThatTriggeredItAndAllCommandsOk() {
        ExecutionRef ok = farm.finished(CLIENT, "20260310-090000", true, "", "abc");
        DetailsPage page = page(ok);
        assertThat(page.headline()).isEqualTo("Stable: 2 tasks and 2 commands, all passed.");
        assertThat(page.changes()).extracting(DetailsPage.ChangeView::revision).containsExactly("abc");
        assertThat(page.tasks()).flatExtracting(DetailsPage.TaskView::commands)
                .extracting(c -> c.status().label()).containsExactly("OK", "OK");
        assertThat(page.stats()).containsExactly(new DetailsPage.Entry("tests", "12"),
                new DetailsPage.Entry("warnings", "3"));
    }

    @Test
    void failedOutputIsRenderedFromTerminalTextAndLongOutputCollapses() {
        String output = "\u001b[31merror:\u001b[0m <b>bad</b>\n" + "line\n".repeat(30);
        ExecutionRef red = farm.finished(CLIENT, "20260310-090000", false, output, "abc");
        DetailsPage.CommandView failed = page(red).tasks().get(1).commands().get(0);

        assertThat(failed.status().label()).isEqualTo("FAILED");
        assertThat(failed.output().collapsed()).isTrue();
        assertThat(failed.output().hidden().markup()).startsWith("<span class=\"f1\">error:</span> &lt;b&gt;bad");
        String html = TestFarm.html(page(red));
        assertThat(html).contains("[FAILED]").contains("show 21 earlier lines").doesNotContain("<b>bad</b>");
    }

    @Test
    void outputThenInfoEachCollapseTheirOwnWayAndAPlainCommandShowsOnlyItsLine() {
        ExecutionRef ref = farm.started(CLIENT, "20260311-090000", "abc");
        farm.store.taskStarted(ref, 1, "build");
        farm.store.commandStarted(ref, 1, 1, "make");
        farm.store.commandEnded(ref, 1, 1, "out\n".repeat(30), false, "note\n".repeat(40), Map.of("tests", 3));
        farm.store.commandStarted(ref, 1, 2, "make install");
        farm.store.commandEnded(ref, 1, 2, "", true, null, Map.of());
        farm.store.taskEnded(ref, 1, false);
        farm.store.executionEnded(ref, false);
        DetailsPage page = page(ref);
        DetailsPage.CommandView make = page.tasks().get(0).commands().get(0);
        DetailsPage.CommandView install = page.tasks().get(0).commands().get(1);

        assertThat(make.more()).isTrue();
        assertThat(make.texts()).extracting(DetailsPage.TermText::kind).containsExactly("output", "info");
        assertThat(make.css()).isEqualTo("failed");
        assertThat(install.more()).isFalse();
        assertThat(install.texts()).isEmpty();
        String html = TestFarm.html(page);
        int earlier = html.indexOf("earlier lines");
        int output = html.indexOf("<pre class=\"term output cut\">");
        int info = html.indexOf("<pre class=\"term info cut\">");
        int more = html.indexOf("more lines");
        assertThat(earlier).isPositive().isLessThan(output); // a build log's end matters most: shown, its start hidden
        assertThat(info).isGreaterThan(output).isLessThan(more); // info's start shown, the rest behind the toggle
        assertThat(html).contains("<span class=\"key\">tests</span> <span class=\"value\">3</span>");
        int item = html.indexOf("id=\"t1c2\"");
        assertThat(html.substring(item, html.indexOf("</li>", item)))
                .contains("<code>make install</code>").doesNotContain("<pre").doesNotContain("stat-list");
    }

    @Test
    void anExecutionSupersededBeforeItEndedShowsAsAbortedAndKeepsWhatItReported() {
        ExecutionRef stuck = farm.running(CLIENT, "20260309-090000");
        farm.finished(CLIENT, "20260310-090000", true, "", "abc");
        DetailsPage page = page(stuck);
        assertThat(page.outcome().css()).isEqualTo("aborted");
        assertThat(page.headline()).isEqualTo("Aborted: its client stopped reporting during task 2 (test).");
        assertThat(page.tasks()).hasSize(2);
        assertThat(page.tasks().get(1).commands().get(0).status().label()).isEqualTo("RUNNING");
    }

    @Test
    void anExecutionAbortedByItsClientSaysSo() {
        ExecutionRef aborted = farm.started(CLIENT, "20260310-090000", "abc");
        farm.store.taskStarted(aborted, 1, "build");
        farm.store.executionEnded(aborted, null);
        assertThat(page(aborted).headline()).isEqualTo("Aborted: its client stopped it during task 1 (build).");
        assertThat(page(aborted).outcome().label()).isEqualTo("aborted");
    }

    @Test
    void clientTextInCommandLinesInfoAndStatsKeysIsEscaped() {
        ExecutionRef ref = farm.started(CLIENT, "20260310-090000", "<rev>");
        farm.store.taskStarted(ref, 1, "<i>task</i>");
        farm.store.commandStarted(ref, 1, 1, "echo '<script>x</script>'");
        farm.store.commandEnded(ref, 1, 1, "", true, "<img src=x onerror=y>", Map.of("<k>", 1));
        farm.store.taskEnded(ref, 1, true);
        farm.store.executionEnded(ref, true);
        String html = TestFarm.html(page(ref));
        assertThat(html).doesNotContain("<script>x", "<img src=x", "<k>", "<i>task", "<rev>")
                .contains("echo &#39;&lt;script&gt;x&lt;/script&gt;&#39;").contains("&lt;k&gt;");
        assertThat(List.of(html.split("<pre")).size()).isGreaterThan(1);
    }
}
