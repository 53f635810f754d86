package org.testfarm.store;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reading a whole file with stream I/O, which a thread interrupt cannot cut short. */
final class FileBytes {

    private FileBytes() {}

    /** The file's bytes; a missing file is a {@link NoSuchFileException}. */
    static byte[] read(Path file) throws IOException {
        return read(file, -1);
    }

    /**
     * The file's bytes, read into a buffer of the size its caller just saw it have (if
     * not negative): without asking the file its size and position again, which is two
     * system calls of the six a small file costs. A file that grew meanwhile is read whole.
     */
    static byte[] read(Path file, long size) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            if (size < 0 || size >= Integer.MAX_VALUE - 16) {
                return in.readAllBytes();
            }
            byte[] buffer = new byte[(int) size];
            int filled = 0;
            for (int n; filled < buffer.length && (n = in.read(buffer, filled, buffer.length - filled)) > 0; ) {
                filled += n;
            }
            if (filled < buffer.length) { // it shrank
                return Arrays.copyOf(buffer, filled);
            }
            int next = in.read();
            if (next < 0) {
                return buffer;
            }
            byte[] rest = in.readAllBytes(); // it grew
            byte[] all = Arrays.copyOf(buffer, filled + 1 + rest.length);
            all[filled] = (byte) next;
            System.arraycopy(rest, 0, all, filled + 1, rest.length);
            return all;
        } catch (FileNotFoundException e) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw e;
        }
    }
}
