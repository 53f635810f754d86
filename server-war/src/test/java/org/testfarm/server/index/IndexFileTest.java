package org.testfarm.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

class IndexFileTest {

    static final ClientRef CLIENT = new ClientRef("proj", "linux");

    @TempDir
    Path logs;
    @TempDir
    Path state;
    Path file;

    @BeforeEach
    void tree() {
        file = state.resolve("index");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject("proj", Map.of());
            store.createClient(CLIENT, Map.of());
        }
        run("20260101-080000", "make\tall $HOME\n", Map.of("snapshot",
                List.of(List.of("repo\u001e1", "Dev <d@x>", "r1\\2", "fix\ttabs\nand $dollars\u001f"))));
        run("20260101-100000", "make", Map.of());
    }

    void run(String id, String task, Map<String, Object> info) {
        ExecutionRef ref = CLIENT.execution(id);
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.executionStarted(ref, info);
            store.taskStarted(ref, 1, task);
            store.taskEnded(ref, 1, false);
            store.executionEnded(ref, false);
        }
    }

    /** A new index over the tree (as a new generation has), loaded from the file, read through the ids. */
    List<ExecutionSummary> generation(boolean load) throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            ExecutionIndex index = new ExecutionIndex(new FarmState(store), Integer.MAX_VALUE);
            if (load) {
                IndexFile.load(index, file);
            }
            index.trustFinished(true);
            index.beginPass();
            List<ExecutionSummary> read = index.executions(CLIENT).stream()
                    .map(id -> index.summary(CLIENT.execution(id))).toList();
            IndexFile.save(index, file);
            return read;
        }
    }

    List<ExecutionSummary> restored() throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            ExecutionIndex index = new ExecutionIndex(new FarmState(store), Integer.MAX_VALUE);
            IndexFile.load(index, file);
            return index.held().stream().map(Map.Entry::getValue)
                    .sorted(java.util.Comparator.comparing(s -> s.ref().execution())).toList();
        }
    }

    @Test
    void summariesComeBackAsTheyWereReadWhateverTheirText() throws IOException {
        List<ExecutionSummary> read = generation(false);

        assertThat(read.get(0).changes()).isNotEmpty();
        assertThat(restored()).isEqualTo(read);
    }

    @Test
    void aLaterGenerationAppendsOnlyWhatItReadAnew() throws IOException {
        generation(false);
        List<String> before = Files.readAllLines(file);
        run("20260101-120000", "make", Map.of());

        List<ExecutionSummary> read = generation(true);

        List<String> after = Files.readAllLines(file);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        // a blank line, the new execution, the client's new listing
        assertThat(after).hasSize(before.size() + 3);
        assertThat(after.get(before.size() + 1)).startsWith("E\tproj\tlinux\t20260101-120000\t");
        assertThat(restored()).isEqualTo(read).hasSize(3);
    }

    @Test
    void aGenerationThatReadNothingNewLeavesTheFileAlone() throws IOException {
        generation(false);
        byte[] before = Files.readAllBytes(file);

        generation(true);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aLineCutShortIsSkippedAndTheLinesAfterItStillCount() throws IOException {
        List<ExecutionSummary> read = generation(false);
        String whole = Files.readAllLines(file).get(1);
        Files.writeString(file, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        run("20260101-120000", "make", Map.of());

        List<ExecutionSummary> again = generation(true);

        assertThat(again.subList(0, 2)).isEqualTo(read);
        assertThat(restored()).isEqualTo(again);
    }
}
