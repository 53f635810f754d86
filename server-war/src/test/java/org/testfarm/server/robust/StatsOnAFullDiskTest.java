package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.AppendResult;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreException;
import org.testfarm.store.StoreOptions;

/**
 * A command's end whose stats line still fits in the stats file's last page but
 * whose output does not fit in the journal: the write fails, the report is not
 * acknowledged, and the stats line must not stay behind, or the retry once space
 * is back writes it a second time.
 */
@Timeout(120)
class StatsOnAFullDiskTest {

    static final ClientRef CLIENT = new ClientRef("full disk", "stats");

    @Test
    void aWriteThatFailsOnAFullDiskLeavesNoStatsLineAndItsRetryWritesOne(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 24)) {
            Path logs = disk.root().resolve("logs");
            RobustFarm.register(logs, List.of(CLIENT));
            ExecutionRef ref = CLIENT.execution("20261126-100000");
            CommandEnded big = new CommandEnded(1, 2, "output line\n".repeat(20_000), true, null, Map.of("passed", 7L));
            try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
                store.append(ref, new ExecutionStarted(Map.of()));
                store.append(ref, new TaskStarted(1, "build"));
                store.append(ref, new CommandStarted(1, 1, "make"));
                store.append(ref, new CommandEnded(1, 1, "ok\n", true, null, Map.of("warmup", 1)));
                store.append(ref, new CommandStarted(1, 2, "make check"));
                disk.fill();
                assertThatThrownBy(() -> store.append(ref, big)).as("a 240 KB output on a full disk")
                        .isInstanceOf(StoreException.class);
                assertThat(statsLines(logs, "passed")).as("stats lines of the refused report").isZero();
                disk.free();
                assertThat(store.append(ref, big)).isEqualTo(AppendResult.STORED);
                assertThat(store.append(ref, big)).as("sent once more").isEqualTo(AppendResult.DUPLICATE);
            }
            assertThat(statsLines(logs, "passed")).as("stats lines once the retry is stored").isEqualTo(1);
            assertThat(statsLines(logs, "warmup")).isEqualTo(1);
            try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
                assertThat(store.read(ref).events()).hasSize(6).last().isEqualTo(big);
                assertThat(store.stats(CLIENT).keys()).containsExactly("passed", "warmup");
            }
        }
    }

    /** The lines of the client's stats file that name {@code key}. */
    private static long statsLines(Path logs, String key) throws Exception {
        try (Stream<Path> files = Files.walk(logs)) {
            Path stats = files.filter(path -> path.getFileName().toString().equals("stats") && Files.isRegularFile(path)).findFirst().orElseThrow();
            return Files.readAllLines(stats, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("'" + key + "'")).count();
        }
    }
}
