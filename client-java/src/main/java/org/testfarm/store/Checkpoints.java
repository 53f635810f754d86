package org.testfarm.store;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store's durability housekeeping, on a thread of its own: once the log
 * segment is big or old enough, the files its records went to are forced and the
 * segment retired; the next segment is prepared (zero-filled) ahead of need.
 */
final class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

    private final CommitLog wal;
    private final StoreOptions options;
    private final String name;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();
    private volatile long last = System.nanoTime();

    Checkpoints(CommitLog wal, StoreOptions options, String name) {
        this.wal = wal;
        this.options = options;
        this.name = name;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testfarm-checkpoint " + name);
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(50, Math.min(1000, options.checkpointInterval().toMillis()));
        thread.scheduleWithFixedDelay(this::runIfDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void runIfDue() {
        try {
            long age = System.nanoTime() - last;
            long bytes = wal.segmentBytes();
            if (bytes > 0) {
                wal.prepareSpare();
            }
            if (bytes >= options.checkpointBytes()
                    || (bytes > 0 && age >= options.checkpointInterval().toNanos())) {
                run();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "checkpoint of " + name + " failed; will retry", e);
        }
    }

    /** Forces every file written since the last checkpoint and retires the old log segment. */
    void run() throws IOException {
        synchronized (lock) {
            CommitLog.Checkpoint checkpoint = wal.rotate();
            Recovery.forceAll(checkpoint.files());
            CommitLog.delete(checkpoint.segment());
            last = System.nanoTime();
        }
    }

    /** Stops the thread, letting a checkpoint under way finish (it is never interrupted). */
    void stop() {
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
