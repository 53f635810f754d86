package org.testfarm.server.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;
import org.testfarm.state.Change;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.Outcome;

/**
 * An {@link ExecutionIndex} saved between two generations of a static site: one
 * Python tuple literal per line (the notation of the log tree), written to a
 * temporary file and renamed. A damaged file or line only costs re-reading.
 */
public final class IndexFile {

    private static final int VERSION = 1;

    private IndexFile() {}

    public static void save(ExecutionIndex index, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(PyLiteral.format(PyTuple.of("testfarm-index", (long) VERSION)));
            out.write('\n');
            for (Map.Entry<Long, ExecutionSummary> held : index.held()) {
                out.write(PyLiteral.format(tuple(held.getKey(), held.getValue())));
                out.write('\n');
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void load(ExecutionIndex index, Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals(PyLiteral.format(PyTuple.of("testfarm-index", (long) VERSION)))) {
                return;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    if (PyLiteral.parse(line) instanceof PyTuple tuple) {
                        restore(index, tuple.items());
                    }
                } catch (RuntimeException e) {
                    // a damaged line: that execution is read again
                }
            }
        } catch (NoSuchFileException e) {
            // a first generation
        }
    }

    private static PyTuple tuple(long stamp, ExecutionSummary s) {
        List<Object> changes = new ArrayList<>();
        for (Change c : s.changes()) {
            changes.add(PyTuple.of(c.repository(), c.author(), c.revision(), c.message()));
        }
        ExecutionRef ref = s.ref();
        return PyTuple.of(ref.project(), ref.client(), ref.execution(), stamp, s.outcome().name(),
                s.start() == null ? null : s.start().toString(), s.stop() == null ? null : s.stop().toString(),
                s.lastActivity().getEpochSecond(), (long) s.lastActivity().getNano(),
                new ArrayList<Object>(s.failedTasks()), s.currentTask(), changes);
    }

    private static void restore(ExecutionIndex index, List<Object> f) {
        List<Change> changes = new ArrayList<>();
        for (Object item : (List<?>) f.get(11)) {
            List<Object> c = ((PyTuple) item).items();
            changes.add(new Change((String) c.get(0), (String) c.get(1), (String) c.get(2), (String) c.get(3)));
        }
        List<String> failed = ((List<?>) f.get(9)).stream().map(String::valueOf).toList();
        ExecutionSummary summary = new ExecutionSummary(
                new ExecutionRef((String) f.get(0), (String) f.get(1), (String) f.get(2)),
                Outcome.valueOf((String) f.get(4)), time(f.get(5)), time(f.get(6)),
                Instant.ofEpochSecond(((Number) f.get(7)).longValue(), ((Number) f.get(8)).longValue()),
                failed, (String) f.get(10), changes);
        index.restore(((Number) f.get(3)).longValue(), summary);
    }

    private static LocalDateTime time(Object value) {
        return value == null ? null : LocalDateTime.parse((String) value);
    }
}
