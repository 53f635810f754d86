package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.fixture.SharedFixtures;
import org.testfarm.state.ClientState;
import org.testfarm.state.Doing;
import org.testfarm.state.FarmState;
import org.testfarm.state.Status;

class UpstreamTreeTest {

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Clock MARCH_5_2013 = Clock.fixed(LocalDateTime.of(2013, 3, 5, 11, 0).atZone(ZONE).toInstant(), ZONE);

    LogStore store;

    @BeforeEach
    void openInPlace() {
        store = LogStore.openReadOnly(SharedFixtures.upstreamLogTree(), StoreOptions.defaults().withClock(MARCH_5_2013));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void upstreamTreeListsItsProjectClientsAndExecutions() {
        assertThat(store.projects()).containsExactly("myproject");
        assertThat(store.clients("myproject")).containsExactly("linux-debian", "mac-osx", "win-mingw");
        assertThat(store.executions(new ClientRef("myproject", "linux-debian")))
                .containsExactly("20130301-101010", "20130302-101010", "20130303-101010");
        assertThat(store.projectMeta("myproject")).containsEntry("briefDescription", "Example project");
    }

    @Test
    void upstreamTreeYieldsTheClientStatusesItImplies() {
        FarmState farm = new FarmState(store);
        ClientState linux = farm.client(new ClientRef("myproject", "linux-debian"));
        ClientState mac = farm.client(new ClientRef("myproject", "mac-osx"));
        ClientState windows = farm.client(new ClientRef("myproject", "win-mingw"));

        assertThat(linux.status()).isEqualTo(Status.GREEN);
        assertThat(linux.doing()).isEqualTo(Doing.WAIT);
        assertThat(windows.status()).isEqualTo(Status.GREEN);
        assertThat(mac.status()).isEqualTo(Status.RED);
        assertThat(mac.failedTasks()).containsExactly("test");
        assertThat(mac.statusExecution().orElseThrow().failedTasks().get(0).number()).isEqualTo(2);
        assertThat(mac.doing()).isEqualTo(Doing.RUN);
        assertThat(mac.currentTask().orElseThrow().description()).isEqualTo("test");
        assertThat(mac.currentExecution().orElseThrow().id()).isEqualTo("20130304-111111");
    }

    @Test
    void upstreamStatsFilesGiveOneSeriesPerKey() {
        StatsSeries linux = store.stats(new ClientRef("myproject", "linux-debian"));
        assertThat(linux.keys()).containsExactly("tests", "time", "warnings");
        assertThat(linux.series("warnings")).containsExactly(
                Map.entry("20130301-101010", 3L), Map.entry("20130302-101010", 5L), Map.entry("20130303-101010", 2L));
        assertThat(linux.series("time")).containsExactly(Map.entry("20130303-101010", 12.5));
        assertThat(store.stats(new ClientRef("myproject", "win-mingw")).series("loc"))
                .containsExactly(Map.entry("20130302-090909", 12000L));
        assertThat(store.stats(new ClientRef("myproject", "mac-osx")).isEmpty()).isTrue();
    }

    @Test
    void upstreamExecutionKeepsItsOutputInfoAndChangelog() {
        ExecutionLog log = store.read(new ExecutionRef("myproject", "linux-debian", "20130302-101010"));
        assertThat(log.info()).containsKey("changelog");
        ExecutionEvent.CommandEnded failed = log.events().stream()
                .filter(e -> e instanceof ExecutionEvent.CommandEnded c && !c.ok())
                .map(ExecutionEvent.CommandEnded.class::cast).findFirst().orElseThrow();
        assertThat(failed.output()).startsWith("\u001b[31mFAIL\u001b[0m test_foo\ncafé\n");
        assertThat(failed.info()).isEqualTo("Ran 121 tests");
    }

    @Test
    void aClientOverdueWhileRunningShowsItsExecutionLostAndNotResponding() {
        Clock years = Clock.fixed(LocalDateTime.of(2040, 1, 1, 0, 0).atZone(ZONE).toInstant(), ZONE);
        ClientState mac = new FarmState(store, years, FarmState.DEFAULT_SILENCE)
                .client(new ClientRef("myproject", "mac-osx"));
        assertThat(mac.doing()).isEqualTo(Doing.OLD);
        assertThat(mac.currentExecution()).isEmpty();
        assertThat(mac.newest().orElseThrow().outcome()).isEqualTo(org.testfarm.state.Outcome.LOST);
        assertThat(mac.status()).isEqualTo(Status.RED);
    }

    @Test
    void newEventsForAnUpstreamExecutionLandBesideItsLogWhichStaysUntouched(@TempDir Path dir) throws Exception {
        Path tree = SharedFixtures.copyTree(SharedFixtures.upstreamLogTree(), dir.resolve("logs"));
        Path upstreamLog = tree.resolve("myproject/mac-osx/20130304-111111.log");
        byte[] before = Files.readAllBytes(upstreamLog);
        ExecutionRef running = new ExecutionRef("myproject", "mac-osx", "20130304-111111");
        try (LogStore writable = LogStore.open(tree, StoreOptions.defaults().withClock(MARCH_5_2013))) {
            // replayed by a client: already in the upstream log, so stored once
            assertThat(writable.append(running, new ExecutionEvent.CommandStarted(2, 1, "./run_tests")))
                    .isEqualTo(AppendResult.DUPLICATE);
            writable.commandEnded(running, 2, 1, "", true, null, Map.of("tests", 3));
            writable.taskEnded(running, 2, true);
            writable.executionEnded(running, true);

            ExecutionLog log = writable.read(running);
            assertThat(log.events()).hasSize(10);
            assertThat(log.events().get(9)).isEqualTo(new ExecutionEvent.ExecutionEnded(true, "20130305-110000"));
            ClientState mac = new FarmState(writable).client(running.clientRef());
            assertThat(mac.status()).isEqualTo(Status.GREEN);
            assertThat(writable.stats(running.clientRef()).series("tests")).containsEntry("20130304-111111", 3L);
        }
        assertThat(Files.readAllBytes(upstreamLog)).isEqualTo(before);
        assertThat(tree.resolve("myproject/mac-osx/20130304-111111.events")).exists();
        assertThat(List.of(tree.resolve(".testfarm").toFile().list())).isEmpty();
    }
}
