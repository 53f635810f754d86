package org.testfarm.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        // one stat per file tells which exist and when they last changed: a missing file is not opened
        // (a failed open costs two exceptions), and most upstream trees have no journal
        BasicFileAttributes infoFound = FileStamps.attributesOrNull(infoFile);
        BasicFileAttributes upstreamFound = FileStamps.attributesOrNull(upstream);
        BasicFileAttributes eventsFound = FileStamps.attributesIfPresent(events);
        if (infoFound == null && upstreamFound == null && eventsFound == null) {
            throw new ExecutionNotFoundException(ref);
        }
        Map<String, Object> info = infoFound != null ? Metadata.read(infoFile, infoFound.size())
                : new LinkedHashMap<>();
        ReplayFilter seen = new ReplayFilter();
        List<ExecutionEvent> all = new ArrayList<>();
        List<ExecutionEvent> candidates = new ArrayList<>(upstreamFound != null
                ? upstreamEvents(upstream, upstreamFound.size()) : List.of());
        for (String record : eventsFound != null ? Journal.read(events) : List.<String>of()) {
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
        Instant last = FileStamps.lastModified(infoFound, upstreamFound, eventsFound).orElse(Instant.EPOCH);
        return new ExecutionLog(ref, info, all, last, FileStamps.of(infoFound, upstreamFound, eventsFound));
    }

    static List<ExecutionEvent> upstreamEvents(Path upstream) throws IOException {
        return upstreamEvents(upstream, -1);
    }

    /** The events of an upstream log its caller just saw {@code size} bytes long (-1: not seen). */
    static List<ExecutionEvent> upstreamEvents(Path upstream, long size) throws IOException {
        byte[] data;
        try {
            data = FileBytes.read(upstream, size);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Object list = parseOrNull(data);
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

    /** The same for a literal's UTF-8 bytes, as files hold it. */
    private static Object parseOrNull(byte[] utf8) {
        try {
            return PyLiteral.parseUtf8(utf8);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
