package org.testfarm.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.testfarm.literal.LiteralException;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;

/**
 * A client's {@code stats} file as upstream writes it: one line
 * {@code (execution, key, value),} per value, appended. A damaged line is skipped
 * by readers; a torn last line is closed with a newline before the next append.
 */
final class StatsFile {

    private StatsFile() {}

    /** Appends the lines of {@code stats}; returns the file's size before (0 when it was made now). */
    static long append(Path file, String execution, Map<String, Number> stats) throws IOException {
        long size = 0;
        if (stats.isEmpty()) {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        StringBuilder lines = new StringBuilder();
        stats.forEach((key, value) ->
                lines.append(PyLiteral.format(PyTuple.of(execution, key, value))).append(",\n"));
        boolean created = !Files.exists(file);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            size = out.length();
            if (size > 0) {
                out.seek(size - 1);
                if (out.read() != '\n') {
                    lines.insert(0, '\n');
                }
            }
            out.seek(size);
            try {
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.setLength(size);
                throw e;
            }
        }
        if (created) {
            AtomicFile.forceDirectory(file.getParent());
        }
        return size;
    }

    /**
     * Appends the lines of {@code stats}, then writes the rest of their report
     * ({@code report}: the journal line and the write-ahead record). When that fails (a full disk), the lines
     * are cut off again: the report is refused, and its retry would write them a
     * second time. The caller holds the client's lock, so no other execution's line
     * follows them meanwhile.
     */
    static void appendBefore(Path file, String execution, Map<String, Number> stats, StoreIo.VoidAction report)
            throws IOException {
        long before = append(file, execution, stats);
        try {
            report.run();
        } catch (IOException | RuntimeException e) {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.setLength(before);
            } catch (IOException again) {
                e.addSuppressed(again); // left: a repeated value, which readers count once
            }
            throw e;
        }
    }

    static StatsSeries read(Path file) throws IOException {
        StatsSeries series = new StatsSeries();
        String content;
        try {
            content = new String(FileBytes.read(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return series;
        }
        for (String raw : content.split("\n")) {
            String line = raw.strip();
            if (line.endsWith(",")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (PyLiteral.parse(line) instanceof PyTuple t && t.items().size() == 3
                        && t.items().get(0) instanceof String execution && t.items().get(1) != null
                        && t.items().get(2) instanceof Number value) {
                    series.put(execution, String.valueOf(t.items().get(1)), value);
                }
            } catch (LiteralException e) {
                // a torn or damaged line: skipped
            }
        }
        return series;
    }
}
