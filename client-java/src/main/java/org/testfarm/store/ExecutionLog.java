package org.testfarm.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;

/**
 * What the tree holds for one execution: the extra keywords it started with
 * ({@code snapshot}, {@code timestamp}, ...), its events in arrival order (each
 * once), when it last changed, and the stamp of its files as they were read
 * (equal to what {@link LogStore#stamp(ExecutionRef)} said then).
 */
public record ExecutionLog(ExecutionRef ref, Map<String, Object> info, List<ExecutionEvent> events,
                           Instant lastActivity, long stamp) {

    public ExecutionLog {
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        events = List.copyOf(events);
    }
}
