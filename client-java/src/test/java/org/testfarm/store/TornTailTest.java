package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

/** A crash can cut a file at any byte: what remains must read, and the next writer must carry on cleanly. */
class TornTailTest {

    static final ClientRef CLIENT = new ClientRef("p", "c");
    static final ExecutionRef EXECUTION = CLIENT.execution("20261126-120000");

    @Test
    void aJournalCutAtAnyByteReadsAsAPrefixAndTakesNewEventsCleanly(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("original");
        try (LogStore store = LogStore.open(original, StoreOptions.defaults())) {
            store.createProject("p", Map.of());
            store.createClient(CLIENT, Map.of());
            store.executionStarted(EXECUTION, Map.of());
            store.taskStarted(EXECUTION, 1, "build ✓ café");
            store.commandStarted(EXECUTION, 1, 1, "make");
            store.commandEnded(EXECUTION, 1, 1, "boom\n", false, "info", Map.of("warnings", 2));
            store.taskEnded(EXECUTION, 1, false);
        }
        Path journal = original.resolve("p/c/20261126-120000.events");
        byte[] full = Files.readAllBytes(journal);
        int previousCount = 0;
        for (int cut = 0; cut <= full.length; cut++) {
            Path copy = dir.resolve("cut" + cut);
            org.testfarm.fixture.SharedFixtures.copyTree(original, copy);
            Path torn = copy.resolve("p/c/20261126-120000.events");
            try (RandomAccessFile file = new RandomAccessFile(torn.toFile(), "rw")) {
                file.setLength(cut);
            }
            try (LogStore store = LogStore.open(copy, StoreOptions.defaults())) {
                int count = store.read(EXECUTION).events().size();
                assertThat(count).isBetween(previousCount, 5);
                previousCount = count;
                store.executionEnded(EXECUTION, false);
                assertThat(store.read(EXECUTION).events()).hasSize(count + 1);
            }
            for (String line : Files.readAllLines(torn)) {
                assertThat(JournalLine.decode(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                        line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)).isNotNull();
            }
            deleteTree(copy);
        }
        assertThat(previousCount).isEqualTo(5);
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedAndTheRestIsKept(@TempDir Path root) throws Exception {
        try (LogStore store = LogStore.open(root, StoreOptions.defaults())) {
            store.createProject("p", Map.of());
            store.createClient(CLIENT, Map.of());
            store.taskStarted(EXECUTION, 1, "a");
            store.taskStarted(EXECUTION, 2, "b");
            store.taskStarted(EXECUTION, 3, "c");
        }
        Path journal = root.resolve("p/c/20261126-120000.events");
        byte[] data = Files.readAllBytes(journal);
        int secondLine = new String(data, java.nio.charset.StandardCharsets.UTF_8).indexOf('\n') + 20;
        data[secondLine] ^= 0x01;
        Files.write(journal, data);
        try (LogStore store = LogStore.openReadOnly(root, StoreOptions.defaults())) {
            assertThat(store.read(EXECUTION).events()).hasSize(2);
        }
    }

    static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
