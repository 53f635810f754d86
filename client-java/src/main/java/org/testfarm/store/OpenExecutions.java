package org.testfarm.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;

/**
 * The executions being written, each with its journal open and its replay filter
 * loaded from what is stored; at most {@code capacity} of them, the least
 * recently used closed first (a closed one is simply loaded again).
 */
final class OpenExecutions {

    private final TreeLayout layout;
    private final int capacity;
    private final ConcurrentHashMap<ExecutionRef, OpenExecution> open = new ConcurrentHashMap<>();

    OpenExecutions(TreeLayout layout, int capacity) {
        this.layout = layout;
        this.capacity = capacity;
    }

    /** The open execution; callers lock it and retry when they find it closed. */
    OpenExecution get(ExecutionRef ref) {
        OpenExecution execution = open.computeIfAbsent(ref, this::load);
        execution.lastUsed = System.nanoTime();
        if (open.size() > capacity) {
            evictOldest(execution);
        }
        return execution;
    }

    /** Drops an execution whose state may no longer match the disk; the next use reloads it. */
    void forget(OpenExecution execution) {
        execution.close();
        open.remove(execution.ref, execution);
    }

    void closeAll() {
        for (OpenExecution execution : open.values()) {
            synchronized (execution) {
                execution.close();
            }
        }
        open.clear();
    }

    private OpenExecution load(ExecutionRef ref) {
        try {
            Journal journal = Journal.openForAppend(layout.events(ref));
            OpenExecution execution = new OpenExecution(ref, journal);
            for (ExecutionEvent event : TreeReader.upstreamEvents(layout.upstreamLog(ref))) {
                execution.filter.admit(event);
            }
            for (String record : journal.records()) {
                ExecutionEvent event = EventTuples.fromTuple(TreeReader.parseOrNull(record));
                if (event != null) {
                    execution.filter.admit(event);
                }
            }
            execution.length = journal.records().size();
            return execution;
        } catch (IOException e) {
            throw new StoreException("cannot open " + ref + ": " + e.getMessage(), e);
        }
    }

    /** A use time read once: other threads keep updating {@code lastUsed} while the eviction sorts. */
    private record Use(OpenExecution execution, long at) {}

    private void evictOldest(OpenExecution keep) {
        List<Use> all = new ArrayList<>(open.size() + 8);
        for (OpenExecution execution : open.values()) {
            all.add(new Use(execution, execution.lastUsed));
        }
        all.sort((a, b) -> Long.compare(a.at(), b.at()));
        int excess = all.size() - capacity;
        for (int i = 0; i < all.size() && excess > 0; i++) {
            OpenExecution victim = all.get(i).execution();
            if (victim == keep) {
                continue;
            }
            synchronized (victim) {
                victim.close();
            }
            open.remove(victim.ref, victim);
            excess--;
        }
    }
}
