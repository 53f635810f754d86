package org.testfarm.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;

/**
 * Brings a tree back to every acknowledged event after a crash: the write-ahead
 * log segments of dead processes are replayed into the execution journals, the
 * touched files forced, and the segments deleted.
 *
 * <p>Each log record carries the position its event took in the execution's
 * journal (written just before the log), so the events the journal lacks (a tail
 * lost with the page cache) are exactly those at or past its length. Stats lines
 * are written again too; readers count a repeated value once.
 */
final class Recovery {

    private Recovery() {}

    static void replayOrphans(TreeLayout layout) throws IOException {
        for (CommitLog.Segment segment : CommitLog.orphans(layout.serviceDir())) {
            Map<ExecutionRef, List<Logged>> logged = new LinkedHashMap<>();
            for (String record : CommitLog.records(segment)) {
                if (TreeReader.parseOrNull(record) instanceof PyTuple t && t.items().size() == 5
                        && t.items().get(0) instanceof String project && t.items().get(1) instanceof String client
                        && t.items().get(2) instanceof String execution && t.items().get(3) instanceof Long index) {
                    ExecutionEvent event = EventTuples.fromTuple(t.items().get(4));
                    if (event != null) {
                        logged.computeIfAbsent(new ExecutionRef(project, client, execution), k -> new ArrayList<>())
                                .add(new Logged(index, event));
                    }
                }
            }
            Set<Path> touched = new HashSet<>();
            for (Map.Entry<ExecutionRef, List<Logged>> entry : logged.entrySet()) {
                restore(layout, entry.getKey(), entry.getValue(), touched);
            }
            forceAll(touched);
            CommitLog.delete(segment);
        }
    }

    /** A log record: an event and its position in the execution's journal. */
    record Logged(long index, ExecutionEvent event) {}

    /**
     * The WAL record of an event stored at {@code index} of its execution's journal:
     * the literal of {@code (project, client, execution, index, event)}, made from the
     * event's literal already formatted for the journal, so an event (and its output)
     * is formatted once.
     */
    static String recordLiteral(ExecutionRef ref, long index, String eventLiteral) {
        String head = PyLiteral.format(PyTuple.of(ref.project(), ref.client(), ref.execution(), index));
        return head.substring(0, head.length() - 1) + ", " + eventLiteral + ")";
    }

    private static void restore(TreeLayout layout, ExecutionRef ref, List<Logged> logged, Set<Path> touched)
            throws IOException {
        Path info = layout.info(ref);
        if (!Files.exists(info)) {
            Files.createDirectories(info.getParent());
            Metadata.write(info, Map.of());
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        for (Logged entry : logged) {
            if (entry.event() instanceof CommandEnded end) {
                stats.putAll(end.stats());
            }
        }
        if (!stats.isEmpty()) {
            Path file = layout.stats(ref.clientRef());
            StatsFile.append(file, ref.execution(), stats);
            touched.add(file);
        }
        try (Journal journal = Journal.openForAppend(layout.events(ref))) {
            long length = journal.records().size();
            for (Logged entry : logged) {
                if (entry.index() >= length) {
                    journal.append(JournalLine.encode(PyLiteral.format(EventTuples.toTuple(entry.event()))));
                    touched.add(journal.path());
                    length++;
                }
            }
        }
    }

    static void forceAll(Set<Path> files) throws IOException {
        for (Path file : files) {
            try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "r")) {
                open.getFD().sync();
            } catch (java.io.FileNotFoundException e) {
                // removed by an admin meanwhile: nothing to keep
            }
        }
    }
}
