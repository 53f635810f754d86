package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;

class ConcurrentWritersTest {

    @Test
    void fiftyClientsWritingAtOnceLoseAndCorruptNothing(@TempDir Path root) throws Exception {
        int clients = 50;
        int commands = 66; // 1 + 1 + 66 * 2 + 1 + 1 = 136 events each, plus retries
        try (LogStore store = LogStore.open(root, StoreOptions.defaults()
                .withCheckpoints(java.time.Duration.ofMillis(20), 64 * 1024))) {
            store.createProject("farm", Map.of());
            for (int c = 0; c < clients; c++) {
                store.createClient(new ClientRef("farm", "c" + c), Map.of());
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                ExecutionRef ref = new ExecutionRef("farm", "c" + c, "20261126-000000");
                done.add(pool.submit(() -> {
                    store.executionStarted(ref, Map.of());
                    store.taskStarted(ref, 1, "build");
                    for (int i = 1; i <= commands; i++) {
                        store.commandStarted(ref, 1, i, "make step" + i);
                        store.commandEnded(ref, 1, i, "", true, null, Map.of("step", i));
                        store.commandEnded(ref, 1, i, "", true, null, Map.of("step", i)); // a retry
                    }
                    store.taskEnded(ref, 1, true);
                    store.executionEnded(ref, true);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        try (LogStore reopened = LogStore.openReadOnly(root, StoreOptions.defaults())) {
            for (int c = 0; c < clients; c++) {
                ExecutionLog log = reopened.read(new ExecutionRef("farm", "c" + c, "20261126-000000"));
                assertThat(log.events()).hasSize(4 + 2 * commands);
                assertThat(log.events().get(log.events().size() - 1)).isInstanceOf(ExecutionEvent.ExecutionEnded.class);
                assertThat(reopened.stats(new ClientRef("farm", "c" + c)).series("step")).hasSize(1);
            }
        }
    }
}
