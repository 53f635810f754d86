package org.testfarm.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of {@link JournalLine} records: the events of one execution
 * ({@code <execution>.events}). Opening it for writing drops a torn last line left
 * by a crash, so later records never run into it.
 */
final class Journal implements Closeable {

    private final Path path;
    private final RandomAccessFile file;
    private final List<String> records;

    private Journal(Path path, RandomAccessFile file, List<String> records) {
        this.path = path;
        this.file = file;
        this.records = records;
    }

    /** Opens (creating if needed) for appending; {@link #records()} holds what was there. */
    static Journal openForAppend(Path path) throws IOException {
        boolean created = !Files.exists(path);
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            byte[] data = new byte[(int) Math.min(file.length(), Integer.MAX_VALUE - 8)];
            file.readFully(data);
            int end = lastNewline(data) + 1;
            if (end < data.length) {
                file.setLength(end);
            }
            file.seek(end);
            if (created) {
                AtomicFile.forceDirectory(path.getParent());
            }
            return new Journal(path, file, parse(data, end));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The intact records of a journal, for readers; a missing file has none. */
    static List<String> read(Path path) throws IOException {
        byte[] data;
        try {
            data = FileBytes.read(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return parse(data, lastNewline(data) + 1);
    }

    private static int lastNewline(byte[] data) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static List<String> parse(byte[] data, int end) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (data[i] == '\n') {
                String literal = JournalLine.decode(data, start, i);
                if (literal != null) {
                    out.add(literal);
                }
                start = i + 1;
            }
        }
        return out;
    }

    List<String> records() {
        return records;
    }

    Path path() {
        return path;
    }

    /** Appends a whole line; on failure the file is cut back so no torn line stays. */
    void append(byte[] line) throws IOException {
        long start = file.getFilePointer();
        try {
            file.write(line);
        } catch (IOException e) {
            cutBack(start);
            throw e;
        }
    }

    /** Where the next line goes. */
    long end() throws IOException {
        return file.getFilePointer();
    }

    /** Removes what was appended from {@code start} on, as far as the disk lets it. */
    void cutBack(long start) {
        try {
            file.setLength(start);
            file.seek(start);
        } catch (IOException ignored) {
            // the next open drops a torn line; a whole one stays, and is stored once on a retry
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
