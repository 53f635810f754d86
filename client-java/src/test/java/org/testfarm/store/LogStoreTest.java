package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;

class LogStoreTest {

    static final Clock NOON = Clock.fixed(LocalDateTime.of(2026, 11, 26, 12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    static final ClientRef CLIENT = new ClientRef("example project", "linux");
    static final ExecutionRef EXECUTION = CLIENT.execution("20261126-120000");

    @TempDir
    Path root;
    LogStore store;

    @BeforeEach
    void open() {
        store = LogStore.open(root, StoreOptions.defaults().withClock(NOON));
    }

    @AfterEach
    void close() {
        store.close();
    }

    void register() {
        store.createProject(CLIENT.project(), Map.of("briefDescription", "a project"));
        store.createClient(CLIENT, Map.of());
    }

    List<Path> filesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(root.resolve(".testfarm"))).toList();
        }
    }

    @Test
    void unknownProjectIsRefusedAndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> store.taskStarted(EXECUTION, 1, "build"))
                .isInstanceOf(ProjectNotFoundException.class).hasMessageContaining("example project");
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void unknownClientIsRefusedAndNothingIsWritten() throws Exception {
        store.createProject(CLIENT.project(), Map.of());
        assertThatThrownBy(() -> store.clientIdle(CLIENT, 5)).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> store.executionStarted(EXECUTION, Map.of()))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(filesUnder(root)).containsExactly(root.resolve("example project/metadata"));
    }

    @Test
    void unsafeNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        register();
        List<Path> before = filesUnder(root);
        for (String bad : List.of("..", "../x", "a/b", ".hidden", " lead", "CON", "nul.txt", "x".repeat(65), "a\u0000b")) {
            assertThatThrownBy(() -> store.taskStarted(CLIENT.execution(bad), 1, "t"))
                    .isInstanceOf(InvalidNameException.class);
            assertThatThrownBy(() -> store.createProject(bad, Map.of())).isInstanceOf(InvalidNameException.class);
        }
        assertThat(filesUnder(root)).isEqualTo(before);
    }

    @Test
    void registeringTwiceIsAnError() {
        register();
        assertThatThrownBy(() -> store.createProject(CLIENT.project(), Map.of()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.createClient(CLIENT, Map.of())).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void anEventReportedTwiceIsStoredOnce() throws Exception {
        register();
        store.executionStarted(EXECUTION, Map.of("snapshot", List.of()));
        assertThat(store.append(EXECUTION, new ExecutionEvent.TaskStarted(1, "build"))).isEqualTo(AppendResult.STORED);
        assertThat(store.append(EXECUTION, new ExecutionEvent.TaskStarted(1, "build")))
                .isEqualTo(AppendResult.DUPLICATE);
        store.executionStarted(EXECUTION, Map.of("snapshot", List.of("other")));

        assertThat(store.read(EXECUTION).events()).hasSize(2);
        assertThat(store.read(EXECUTION).info()).containsEntry("snapshot", List.of());
        assertThat(Files.readAllLines(root.resolve("example project/linux/20261126-120000.events"))).hasSize(2);
    }

    @Test
    void aV1RunWithRepeatedCommandNumbersKeepsEveryCommandInOrder() {
        register();
        for (var event : ReplayFilterTest.V1_RUN) {
            assertThat(store.append(EXECUTION, event)).isEqualTo(AppendResult.STORED);
            assertThat(store.append(EXECUTION, event)).isEqualTo(AppendResult.DUPLICATE);
        }
        var state = org.testfarm.state.ExecutionState.of(store.read(EXECUTION));
        assertThat(state.tasks().get(0).commands()).extracting(c -> c.commandLine())
                .containsExactly("echo hello", "cd /tmp", "make", "make");
        assertThat(state.tasks().get(0).commands()).allMatch(c -> Boolean.TRUE.equals(c.ok()));
    }

    @Test
    void executionIdsAndInfoFollowTheUpstreamLayout() throws Exception {
        register();
        store.executionStarted(EXECUTION, Map.of("timestamp", "20261126-120000"));
        store.executionEnded(EXECUTION, false);
        assertThat(store.executions(CLIENT)).containsExactly("20261126-120000");
        assertThat(Files.readString(root.resolve("example project/linux/20261126-120000.info")))
                .isEqualTo("{'timestamp': '20261126-120000'}");
        assertThat(store.read(EXECUTION).events())
                .endsWith(new ExecutionEvent.ExecutionEnded(false, "20261126-120000"));
    }

    @Test
    void aHugeOutputIsStoredAsItsHeadAndTailWithTheCutMarked(@TempDir Path other) {
        try (LogStore small = LogStore.open(other, StoreOptions.defaults().withMaxOutputChars(4096))) {
            small.createProject(CLIENT.project(), Map.of());
            small.createClient(CLIENT, Map.of());
            String output = "first line\n" + "x".repeat(100_000) + "\nlast line\n";
            small.commandEnded(EXECUTION, 1, 1, output, false, null, Map.of());
            var stored = (ExecutionEvent.CommandEnded) small.read(EXECUTION).events().get(0);
            assertThat(stored.output()).hasSizeLessThanOrEqualTo(4096 + 100).startsWith("first line\n")
                    .endsWith("\nlast line\n").contains("characters of output left out here");
        }
    }

    @Test
    void idleIsTheClockPlusTheMinutesWrittenAsUpstreamDoes() throws Exception {
        register();
        store.clientIdle(CLIENT, 15);
        assertThat(Files.readString(root.resolve("example project/linux/idle"))).isEqualTo("2026-11-26 12:15:00");
        assertThat(store.idleUntil(CLIENT)).contains(LocalDateTime.of(2026, 11, 26, 12, 15));
    }

    @Test
    void statsAreAppendedInTheUpstreamFormat() throws Exception {
        register();
        store.commandEnded(EXECUTION, 1, 1, "", true, null, Map.of("tests", 12));
        store.commandEnded(EXECUTION, 1, 2, "", true, null, Map.of("ratio", 0.5));
        assertThat(Files.readAllLines(root.resolve("example project/linux/stats")))
                .containsExactly("('20261126-120000', 'tests', 12),", "('20261126-120000', 'ratio', 0.5),");
    }

    @Test
    void metadataUpdatesMergeAndLeaveNoTemporaryFiles() throws Exception {
        register();
        store.updateClientMeta(CLIENT, Map.of("description", "Debian <b>box</b>"));
        Map<String, Object> changes = new java.util.HashMap<>();
        changes.put("description", null);
        changes.put("briefDescription", "tux");
        assertThat(store.updateClientMeta(CLIENT, changes)).isEqualTo(Map.of("briefDescription", "tux"));
        assertThat(store.clientMeta(CLIENT)).isEqualTo(Map.of("briefDescription", "tux"));
        try (Stream<Path> files = Files.list(root.resolve("example project/linux"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("metadata");
        }
    }

    @Test
    void listingAgainLooksOnlyAtNewNamesAndStillSkipsWhatIsNotAFile() throws Exception {
        register();
        Path client = root.resolve("example project/linux");
        Files.writeString(client.resolve("20261126-100000.info"), "{}");
        Files.writeString(client.resolve("20261126-110000.info"), "{}");
        Files.createDirectory(client.resolve("20261126-090000.info")); // not an execution
        Files.writeString(client.resolve("20261126-080000.log"), "[]"); // no info: not listed
        List<String> first = store.executions(CLIENT);
        assertThat(first).containsExactly("20261126-100000", "20261126-110000");

        Files.writeString(client.resolve("20261126-120000.info"), "{}");
        Files.createDirectory(client.resolve("20261126-130000.info"));
        Files.delete(client.resolve("20261126-100000.info"));
        assertThat(store.executions(CLIENT, first)).containsExactly("20261126-110000", "20261126-120000");
        // a name listed before is trusted, whatever it became since; a new one is looked at
        Files.delete(client.resolve("20261126-110000.info"));
        Files.createDirectory(client.resolve("20261126-110000.info"));
        assertThat(store.executions(CLIENT, first)).containsExactly("20261126-110000", "20261126-120000");
        assertThat(store.executions(CLIENT)).containsExactly("20261126-120000");
    }

    @Test
    void aLocalTreeRegistersUnknownProjectsAndClientsOnFirstUse(@TempDir Path local) {
        try (LogStore own = LogStore.open(local, StoreOptions.defaults().withAutoRegister(true))) {
            own.clientIdle(CLIENT, 1);
            own.taskStarted(EXECUTION, 1, "build");
            assertThat(own.projects()).containsExactly("example project");
            assertThat(own.clients("example project")).containsExactly("linux");
            assertThat(own.executions(CLIENT)).containsExactly("20261126-120000");
        }
    }

    @Test
    void aReadOnlyStoreRefusesWritesAndCreatesNothing(@TempDir Path empty) throws Exception {
        try (LogStore readOnly = LogStore.openReadOnly(empty, StoreOptions.defaults())) {
            assertThatThrownBy(() -> readOnly.createProject("p", Map.of())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("read-only");
        }
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aWriterInterruptedWhileAppendingLeavesTheStoreWorkingForEveryoneElse() throws Exception {
        register();
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= 200; i++) {
                Thread.currentThread().interrupt();
                store.commandStarted(EXECUTION, 1, i, "make " + i);
            }
        });
        writer.start();
        writer.join(60_000);
        store.commandStarted(EXECUTION, 2, 1, "after the interrupts");
        assertThat(store.read(EXECUTION).events()).hasSize(201);
    }

    @Test
    void closingRetiresTheWriteAheadLog() {
        register();
        store.taskStarted(EXECUTION, 1, "build");
        store.close();
        assertThat(root.resolve(".testfarm").toFile().list()).isEmpty();
        try (LogStore again = LogStore.open(root, StoreOptions.defaults())) {
            assertThat(again.read(EXECUTION).events()).hasSize(1);
        }
    }
}
