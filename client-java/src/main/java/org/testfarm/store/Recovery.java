package org.testfarm.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
 * log segments of dead processes are replayed into the execution journals (events
 * already there are skipped), the touched files forced, and the segments deleted.
 * Stats lines are written again too; readers count a repeated value once.
 */
final class Recovery {

    private Recovery() {}

    static void replayOrphans(TreeLayout layout) throws IOException {
        for (CommitLog.Segment segment : CommitLog.orphans(layout.serviceDir())) {
            Set<Path> touched = new HashSet<>();
            for (String record : CommitLog.records(segment)) {
                replay(layout, record, touched);
            }
            forceAll(touched);
            CommitLog.delete(segment);
        }
    }

    private static void replay(TreeLayout layout, String record, Set<Path> touched) throws IOException {
        if (!(LogStore.parseOrNull(record) instanceof PyTuple t) || t.items().size() != 4
                || !(t.items().get(0) instanceof String project) || !(t.items().get(1) instanceof String client)
                || !(t.items().get(2) instanceof String execution)) {
            return;
        }
        ExecutionEvent event = EventTuples.fromTuple(t.items().get(3));
        if (event == null) {
            return;
        }
        ExecutionRef ref = new ExecutionRef(project, client, execution);
        Path info = layout.info(ref);
        if (!Files.exists(info)) {
            Files.createDirectories(info.getParent());
            Metadata.write(info, Map.of());
        }
        if (event instanceof CommandEnded end && !end.stats().isEmpty()) {
            Path stats = layout.stats(ref.clientRef());
            StatsFile.append(stats, execution, end.stats());
            touched.add(stats);
        }
        try (Journal journal = Journal.openForAppend(layout.events(ref))) {
            Set<String> keys = new HashSet<>();
            LogStore.upstreamEvents(layout.upstreamLog(ref)).forEach(e -> keys.add(e.key()));
            for (String existing : journal.records()) {
                ExecutionEvent known = EventTuples.fromTuple(LogStore.parseOrNull(existing));
                if (known != null) {
                    keys.add(known.key());
                }
            }
            if (!keys.contains(event.key())) {
                journal.append(JournalLine.encode(PyLiteral.format(EventTuples.toTuple(event))));
                touched.add(journal.path());
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
