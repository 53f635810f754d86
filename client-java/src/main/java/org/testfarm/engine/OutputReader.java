package org.testfarm.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reads both output pipes of a process, without blocking, into a
 * {@link CapturedOutput}, merged in arrival order; the thread waiting for the
 * command calls {@link #readRound} between short pauses.
 *
 * <p>Each round samples how much each pipe holds, stdout then stderr, and reads
 * exactly that: data that came in between two rounds keeps its order across the
 * pipes unless both pipes got some, in which case stdout comes first, as with a
 * v1 {@code select} loop. When the thread was held up between the two samples,
 * it samples stdout again, so stdout written before a stderr chunk always comes
 * before it. (Two threads blocked in {@code read} would race for every pair of
 * chunks written close together, the usual "print, then complain" included.)
 */
final class OutputReader {

    /** Samples further apart than this may have missed stdout written between them. */
    private static final long SAMPLE_WINDOW_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final InputStream stdout;
    private final InputStream stderr;
    private final CapturedOutput output;
    private final byte[] buffer = new byte[16 * 1024];

    OutputReader(Process process, CapturedOutput output) {
        this.stdout = process.getInputStream();
        this.stderr = process.getErrorStream();
        this.output = output;
    }

    /** Reads what both pipes hold now, stdout first; whether anything came. */
    boolean readRound() {
        try {
            long before = System.nanoTime();
            int out = stdout.available();
            int err = stderr.available();
            if (err > 0 && System.nanoTime() - before > SAMPLE_WINDOW_NANOS) {
                out = stdout.available();
            }
            readExactly(stdout, out, false);
            readExactly(stderr, err, true);
            return out > 0 || err > 0;
        } catch (IOException closed) {
            return false;
        }
    }

    /**
     * Reads what is left once the process has gone. (The JDK drains and closes a
     * finished process's pipes, so what background processes write later is lost
     * and never holds the reading up.)
     */
    void drain() {
        while (readRound()) {
            // until both pipes are empty
        }
        close(stdout);
        close(stderr);
    }

    /** Reads {@code length} bytes the pipe is known to hold. */
    private void readExactly(InputStream stream, int length, boolean fromStderr) throws IOException {
        int left = length;
        while (left > 0) {
            int read = stream.read(buffer, 0, Math.min(left, buffer.length));
            if (read < 0) {
                return;
            }
            if (fromStderr) {
                output.appendStderr(buffer, read);
            } else {
                output.appendStdout(buffer, read);
            }
            left -= read;
        }
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // nothing more to read either way
        }
    }
}
