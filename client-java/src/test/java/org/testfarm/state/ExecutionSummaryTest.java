package org.testfarm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.fixture.SharedFixtures;
import org.testfarm.literal.PyTuple;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

class ExecutionSummaryTest {

    static final Clock MARCH_5_2013 = Clock.fixed(LocalDateTime.of(2013, 3, 5, 11, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    static final ClientRef CLIENT = new ClientRef("p", "c");

    @TempDir
    Path logs;

    @Test
    void upstreamChangelogTuplesBecomeChangesWithRepositoryAuthorAndRevision() {
        try (LogStore store = LogStore.openReadOnly(SharedFixtures.upstreamLogTree(),
                StoreOptions.defaults().withClock(MARCH_5_2013))) {
            FarmState farm = new FarmState(store);
            ExecutionState run = farm.execution(new ExecutionRef("myproject", "linux-debian", "20130302-101010"));
            assertThat(run.changes()).containsExactly(new Change("repo", "Dev One <dev@example.org>", "abc123", ""));
        }
    }

    @Test
    void aRunningExecutionOfAnOverdueClientSummarisesAsRunningButIsLostNow() {
        try (LogStore store = LogStore.openReadOnly(SharedFixtures.upstreamLogTree(),
                StoreOptions.defaults().withClock(MARCH_5_2013))) {
            // the fixture's files were last modified when it was copied: a day later, its client is overdue
            FarmState farm = new FarmState(store, Clock.offset(Clock.systemUTC(), Duration.ofDays(1)),
                    Duration.ofHours(2));
            ExecutionRef ref = new ExecutionRef("myproject", "mac-osx", "20130304-111111");
            ExecutionSummary summary = ExecutionSummary.of(ExecutionState.of(store.read(ref)));
            assertThat(summary.outcome()).isEqualTo(Outcome.RUNNING);
            assertThat(summary.currentTask()).isEqualTo("test");
            assertThat(summary.start()).isEqualTo(LocalDateTime.of(2013, 3, 4, 11, 11, 11));
            assertThat(farm.outcome(summary)).isEqualTo(Outcome.LOST);
        }
    }

    @Test
    void snapshotRevisionsTakeTheirMessagesFromTheVcsInfoBlock() {
        ExecutionRef ref = CLIENT.execution("20261126-032826");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults().withAutoRegister(true))) {
            Map<String, Object> info = new HashMap<>();
            info.put("snapshot", List.of(PyTuple.of("sandbox", "Dev One <dev@example.org>", "d7bd923d8d10"),
                    PyTuple.of("sandbox", "Dev Two <two@example.org>", "060825cc3eae")));
            store.executionStarted(ref, info);
            store.taskStarted(ref, 1, "update");
            store.commandStarted(ref, 1, 1, "git pull");
            store.commandEnded(ref, 1, 1, "", true, ":: d7bd923d8d10 - Dev One <dev@example.org>\nsecond: add b\n\n"
                    + ":: 060825cc3eae - Dev Two <two@example.org>\nthird: café\n\n", Map.of());
            store.taskEnded(ref, 1, false);
            store.executionEnded(ref, false);
            ExecutionSummary summary = ExecutionSummary.of(new FarmState(store).execution(ref));
            assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(summary.failedTasks()).containsExactly("update");
            assertThat(summary.changes()).extracting(Change::revision, Change::author, Change::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("d7bd923d8d10", "Dev One <dev@example.org>", "second: add b"),
                    org.assertj.core.groups.Tuple.tuple("060825cc3eae", "Dev Two <two@example.org>", "third: café"));
        }
    }

    @Test
    void stampsChangeWhenAnExecutionGetsEventsAndNotOtherwise() {
        ExecutionRef ref = CLIENT.execution("20260101-000000");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults().withAutoRegister(true))) {
            store.executionStarted(ref, Map.of());
            long before = store.stamp(ref);
            long client = store.stamp(CLIENT);
            assertThat(store.stamp(ref)).isEqualTo(before);
            store.taskStarted(ref, 1, "build");
            assertThat(store.stamp(ref)).isNotEqualTo(before);
            assertThat(store.stamp(CLIENT)).isEqualTo(client);
            store.clientIdle(CLIENT, 5);
            assertThat(store.stamp(CLIENT)).isNotEqualTo(client);
            assertThat(store.idleReported(CLIENT)).isPresent();
            assertThat(store.lastActivity(ref)).isAfter(java.time.Instant.EPOCH);
        }
    }
}
