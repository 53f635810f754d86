package org.testfarm.server.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The progress of a {@code kill -9} run, so a long one can be watched: every
 * {@code robust.kill.progress} rounds (10 unless set) one line, on stdout and
 * appended to {@code target/robust-kill-progress.log}, with the round, the events
 * acknowledged so far, the time since the start, and where the rounds of that
 * stretch spent their time on average (starting the server, checking the tree
 * after the restart, reporting until the kill).
 */
final class KillProgress {

    static final Path LOG = Path.of("target", "robust-kill-progress.log");

    private final int rounds;
    private final int every = Integer.getInteger("robust.kill.progress", 10);
    private final long started = System.nanoTime();
    private long events;
    private long startNanos;
    private long checkNanos;
    private long loadNanos;
    private int stretch;

    KillProgress(int rounds) {
        this.rounds = rounds;
        write(String.format("%s kill -9: %d rounds begin (load average %s)", Instant.now(), rounds, load()));
    }

    /** Round {@code round} (from 0) is over: {@code acknowledged} events, and the time of its three parts. */
    void round(int round, long acknowledged, long start, long check, long load) {
        events += acknowledged;
        startNanos += start;
        checkNanos += check;
        loadNanos += load;
        stretch++;
        if ((round + 1) % every == 0 || round + 1 == rounds) {
            write(String.format("%s kill -9: round %d/%d, %d events acknowledged, %.0f s elapsed; a round of the last"
                    + " %d: start %.0f ms, check %.0f ms, report %.0f ms (load average %s)", Instant.now(), round + 1,
                    rounds, events, seconds(), stretch, startNanos / 1e6 / stretch, checkNanos / 1e6 / stretch,
                    loadNanos / 1e6 / stretch, load()));
            startNanos = checkNanos = loadNanos = 0;
            stretch = 0;
        }
    }

    long events() {
        return events;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void write(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
