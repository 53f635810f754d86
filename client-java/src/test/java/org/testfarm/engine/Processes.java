package org.testfarm.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waiting on real processes and files in tests, with generous bounds against hangs. */
final class Processes {

    private Processes() {
    }

    /** Whether every process of {@code tree} has gone within {@code bound}. */
    static boolean allGone(List<ProcessHandle> tree, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits until {@code file} exists with some content. */
    static void awaitFile(Path file, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!Files.exists(file) || Files.size(file) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " after " + bound);
            }
            Thread.sleep(10);
        }
    }

    /** The process whose id {@code file} holds. */
    static ProcessHandle fromPidFile(Path file) throws Exception {
        long pid = Long.parseLong(Files.readString(file).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("process " + pid + " already gone"));
    }
}
