package org.testfarm.server.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the disk allows at this moment: one thread appending a 300-byte record to a
 * zero-filled file and forcing it ({@code fdatasync}) each time, as the store's
 * write-ahead log does once per group. Its rate bounds the number of groups the
 * store can commit per second; measured beside the benchmark so figures taken
 * minutes apart on a shared disk can be compared as ratios.
 */
final class FsyncBaseline {

    /** Median and 90th percentile latency of one append + force, and the rate one thread reached. */
    record Result(double medianMs, double p90Ms, double perSecond) {
        @Override
        public String toString() {
            return String.format("write + fdatasync: median %.2f ms, p90 %.2f ms, %.0f/s", medianMs, p90Ms, perSecond);
        }
    }

    private FsyncBaseline() {}

    static Result measure(Path dir, int count) throws IOException {
        Path path = Files.createTempFile(dir, "fsync-baseline", ".log");
        long[] nanos = new long[count];
        long start = System.nanoTime();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.write(new byte[count * 300 + 4096]);
            file.getFD().sync();
            file.seek(0);
            FileChannel channel = file.getChannel();
            byte[] record = new byte[300];
            Arrays.fill(record, (byte) 'r');
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                file.write(record);
                channel.force(false);
                nanos[i] = System.nanoTime() - t0;
            }
        } finally {
            Files.deleteIfExists(path);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Result(nanos[count / 2] / 1e6, nanos[count * 9 / 10] / 1e6, count / seconds);
    }
}
