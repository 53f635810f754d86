package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;

/** Real processes that die without closing the store: every acknowledged event must survive. */
class CrashRecoveryTest {

    static Process writer(Path root, int commands, String execution) throws Exception {
        return writer(root, commands, execution, 30);
    }

    static Process writer(Path root, int commands, String execution, long checkpointMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), root.toString(), String.valueOf(commands), execution,
                String.valueOf(checkpointMillis))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static List<ExecutionEvent> events(Path root, String execution) {
        try (LogStore store = LogStore.open(root, StoreOptions.defaults())) {
            return store.read(new ExecutionRef("crash", "writer", execution)).events();
        }
    }

    @Test
    void aProcessThatDiesWithoutClosingLosesNothingItAcknowledged(@TempDir Path root) throws Exception {
        Process process = writer(root, 300, "20261126-000001");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(events(root, "20261126-000001")).hasSize(301);
        assertThat(root.resolve(".testfarm").toFile().list()).isEmpty();
    }

    @Test
    void eventsWhoseJournalIsLostAreRestoredFromTheWriteAheadLog(@TempDir Path root) throws Exception {
        // no checkpoint before the crash: every event is still in the write-ahead log
        Process process = writer(root, 50, "20261126-000002", 600_000);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path journal = root.resolve("crash/writer/20261126-000002.events");
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines).hasSize(51);
        // as if the last pages of the journal had not reached the disk
        Files.write(journal, lines.subList(0, 10));
        List<ExecutionEvent> restored = events(root, "20261126-000002");
        assertThat(restored).hasSize(51);
        assertThat(((ExecutionEvent.CommandEnded) restored.get(50)).command()).isEqualTo(50);
    }

    @Test
    void killedAtRandomMomentsEveryAcknowledgedEventIsPresentAfterRestart(@TempDir Path root) throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            String execution = "20261126-10000" + round;
            Process process = writer(root, 100_000, execution);
            int acknowledged = -1;
            long killAfter = 150 + random.nextInt(600);
            long start = System.nanoTime();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged = Integer.parseInt(line.substring(4));
                    }
                    if (acknowledged >= 0 && (System.nanoTime() - start) / 1_000_000 > killAfter) {
                        process.destroyForcibly();
                        break;
                    }
                }
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<ExecutionEvent> events = events(root, execution);
            assertThat(events.size()).as("round %d: acknowledged %d", round, acknowledged)
                    .isGreaterThanOrEqualTo(acknowledged + 1);
            for (int i = 1; i <= acknowledged; i++) {
                assertThat(events.get(i)).isInstanceOf(ExecutionEvent.CommandEnded.class);
                assertThat(((ExecutionEvent.CommandEnded) events.get(i)).command()).isEqualTo(i);
            }
        }
    }
}
