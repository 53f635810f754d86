package org.testfarm.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads both output pipes of a process on one daemon thread and merges them into
 * a {@link CapturedOutput} in arrival order.
 *
 * <p>Each round samples how much each pipe holds, stdout then stderr, and reads
 * exactly that: data that came in between two rounds keeps its order across the
 * pipes unless both pipes got some, in which case stdout comes first, as with a
 * v1 {@code select} loop. When the thread was held up between the two samples, it
 * samples stdout again, so stdout written before a stderr chunk always comes
 * before it. Rounds follow each other every 0.1 ms while output flows, backing
 * off to every 1 ms when it does not. (Two threads blocked in {@code read} would
 * race for every pair of chunks written close together, the usual "print, then
 * complain" included.) Once the process has gone, each pipe is read to its end.
 */
final class OutputReader implements Runnable {

    private static final long BUSY_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Samples further apart than this may have missed stdout written between them. */
    private static final long SAMPLE_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final Process process;
    private final CapturedOutput output;
    private final byte[] buffer = new byte[16 * 1024];

    private OutputReader(Process process, CapturedOutput output) {
        this.process = process;
        this.output = output;
    }

    /** Starts reading {@code process}'s stdout and stderr on a new thread. */
    static Thread start(Process process, CapturedOutput output) {
        Thread thread = new Thread(new OutputReader(process, output), "testfarm-output-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            long pause = BUSY_PAUSE_NANOS;
            while (true) {
                boolean alive = process.isAlive();
                boolean moved = readRound(stdout, stderr);
                if (!alive) {
                    break;
                }
                pause = moved ? BUSY_PAUSE_NANOS : Math.min(pause * 2, IDLE_PAUSE_NANOS);
                LockSupport.parkNanos(this, pause);
            }
            readToEnd(stdout, false);
            readToEnd(stderr, true);
        } catch (IOException closed) {
            // a pipe was closed under us: the output ends here
        }
    }

    /** Reads what both pipes hold now, stdout first; whether anything came. */
    private boolean readRound(InputStream stdout, InputStream stderr) throws IOException {
        long before = System.nanoTime();
        int out = stdout.available();
        int err = stderr.available();
        if (err > 0 && System.nanoTime() - before > SAMPLE_WINDOW_NANOS) {
            out = stdout.available();
        }
        readExactly(stdout, out, false);
        readExactly(stderr, err, true);
        return out > 0 || err > 0;
    }

    /** Reads {@code length} bytes the pipe is known to hold. */
    private void readExactly(InputStream stream, int length, boolean stderr) throws IOException {
        int left = length;
        while (left > 0) {
            int read = stream.read(buffer, 0, Math.min(left, buffer.length));
            if (read < 0) {
                return;
            }
            append(read, stderr);
            left -= read;
        }
    }

    /** Reads until the end of the pipe; blocks while a background process holds it open. */
    private void readToEnd(InputStream stream, boolean stderr) throws IOException {
        int read;
        while ((read = stream.read(buffer)) >= 0) {
            append(read, stderr);
        }
    }

    private void append(int length, boolean stderr) {
        if (length <= 0) {
            return;
        }
        if (stderr) {
            output.appendStderr(buffer, length);
        } else {
            output.appendStdout(buffer, length);
        }
    }
}
