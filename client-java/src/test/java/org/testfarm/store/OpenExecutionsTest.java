package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionRef;

class OpenExecutionsTest {

    /**
     * More executions in use than the cache holds, from many threads: while one thread
     * evicts the least recently used, the others keep marking theirs as used. The
     * eviction must not trip over the times changing under it (a sort on a moving key
     * fails with "Comparison method violates its general contract").
     */
    @Test
    void evictionCopesWithExecutionsUsedMeanwhile(@TempDir Path root) throws Exception {
        TreeLayout layout = new TreeLayout(root);
        OpenExecutions open = new OpenExecutions(layout, 200);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                int uses = 0;
                for (int i = 0; System.nanoTime() < until; i++) {
                    // two threads bring new executions in, the others keep using theirs (which stay cached)
                    String execution = thread < 2 ? String.format("20261126-%02d%04d", thread, i % 10000)
                            : String.format("20261127-%06d", i % 25);
                    ExecutionRef ref = new ExecutionRef("farm", "c" + thread, execution);
                    java.nio.file.Files.createDirectories(layout.client(ref.clientRef()));
                    assertThat(open.get(ref).ref).isEqualTo(ref);
                    uses++;
                }
                return uses;
            }));
        }
        int uses = 0;
        for (Future<Integer> f : done) {
            uses += f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        open.closeAll();
        assertThat(uses).isGreaterThan(threads * 200);
    }
}
