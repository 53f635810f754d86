package org.testfarm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;

/** Reading an execution: the upstream {@code .log} and this store's journal, merged, each event once. */
final class TreeReader {

    private static final Logger LOG = Logger.getLogger(TreeReader.class.getName());

    private TreeReader() {}

    /** Everything stored for an execution; throws {@link ExecutionNotFoundException} if there is none. */
    static ExecutionLog read(TreeLayout layout, ExecutionRef ref) throws IOException {
        Path infoFile = layout.info(ref);
        Path upstream = layout.upstreamLog(ref);
        Path events = layout.events(ref);
        if (!Files.exists(infoFile) && !Files.exists(upstream) && !Files.exists(events)) {
            throw new ExecutionNotFoundException(ref);
        }
        Map<String, Object> info = Metadata.read(infoFile);
        ReplayFilter seen = new ReplayFilter();
        List<ExecutionEvent> all = new ArrayList<>();
        List<ExecutionEvent> candidates = new ArrayList<>(upstreamEvents(upstream));
        for (String record : Journal.read(events)) {
            ExecutionEvent event = EventTuples.fromTuple(parseOrNull(record));
            if (event != null) {
                candidates.add(event);
            }
        }
        for (ExecutionEvent event : candidates) {
            if (seen.admit(event)) {
                all.add(event instanceof ExecutionStarted ? new ExecutionStarted(info) : event);
            }
        }
        Instant last = lastModified(infoFile, upstream, events);
        return new ExecutionLog(ref, info, all, last);
    }

    static List<ExecutionEvent> upstreamEvents(Path upstream) throws IOException {
        byte[] data;
        try {
            data = FileBytes.read(upstream);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Object list = parseOrNull(new String(data, StandardCharsets.UTF_8));
        if (list == null) {
            LOG.warning("unreadable upstream log " + upstream + ": its events are not shown");
        }
        return EventTuples.fromList(list);
    }

    static Object parseOrNull(String literal) {
        try {
            return PyLiteral.parse(literal);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Instant lastModified(Path... files) {
        Instant last = Instant.EPOCH;
        for (Path file : files) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                if (modified.isAfter(last)) {
                    last = modified;
                }
            } catch (IOException e) {
                // missing: ignored
            }
        }
        return last;
    }
}
