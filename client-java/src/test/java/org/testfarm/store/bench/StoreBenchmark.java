package org.testfarm.store.bench;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.LogStore;

/**
 * The log store's durable appends, in process (no HTTP), against the naive way of
 * being durable: one write and one fsync per event in each writer's own file. The
 * ratio shows what group commit buys; both run in the same JVM, one after the other.
 *
 * <p>Run: {@code mvn -B -q -pl client-java test-compile && java -cp "client-java/target/classes:client-java/target/test-classes" org.testfarm.store.bench.StoreBenchmark}
 */
public final class StoreBenchmark {

    static final int EVENTS_PER_WRITER = 400;

    public static void main(String[] args) throws Exception {
        System.out.println("| writers | LogStore events/s | write+fsync per event, events/s | ratio |");
        System.out.println("|---:|---:|---:|---:|");
        for (int writers : new int[] {1, 10, 50}) {
            double store = store(writers);
            double naive = naive(writers);
            System.out.printf("| %d | %.0f | %.0f | %.1f |%n", writers, store, naive, store / naive);
        }
    }

    static double store(int writers) throws Exception {
        Path root = Files.createTempDirectory("store-bench");
        try (LogStore store = LogStore.open(root)) {
            store.createProject("bench", Map.of());
            for (int w = 0; w < writers; w++) {
                store.createClient(new ClientRef("bench", "c" + w), Map.of());
            }
            return timed(writers, w -> {
                ExecutionRef ref = new ExecutionRef("bench", "c" + w, "20261126-000000");
                store.taskStarted(ref, 1, "build");
                for (int i = 1; i < EVENTS_PER_WRITER / 2; i++) {
                    store.commandStarted(ref, 1, i, "make step" + i);
                    store.commandEnded(ref, 1, i, "", true, null, Map.of());
                }
                store.taskEnded(ref, 1, true);
            });
        }
    }

    static double naive(int writers) throws Exception {
        Path root = Files.createTempDirectory("fsync-bench");
        return timed(writers, w -> {
            try (RandomAccessFile file = new RandomAccessFile(root.resolve("w" + w).toFile(), "rw")) {
                byte[] line = "6f1c3a2e ('endCommand', 1, 1, '', True, None, {})\n".getBytes();
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    file.write(line);
                    file.getFD().sync();
                }
            }
        });
    }

    interface Writer {
        void run(int index) throws Exception;
    }

    static double timed(int writers, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int index = w;
            done.add(pool.submit(() -> {
                writer.run(index);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return writers * (double) EVENTS_PER_WRITER / ((System.nanoTime() - start) / 1e9);
    }
}
