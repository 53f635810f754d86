package org.testfarm.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.literal.PyTuple;
import org.testfarm.literal.Truth;

/**
 * Events as the tuples of the upstream {@code .log} files, e.g.
 * {@code ('endCommand', task, command, output, ok, info, stats)}. Reading is
 * lenient, as old servers stored whatever clients sent; an unknown tuple is skipped.
 */
final class EventTuples {

    private EventTuples() {}

    static PyTuple toTuple(ExecutionEvent event) {
        if (event instanceof ExecutionStarted) {
            return PyTuple.of("startExecution");
        } else if (event instanceof TaskStarted e) {
            return PyTuple.of("startTask", e.task(), e.description());
        } else if (event instanceof CommandStarted e) {
            return PyTuple.of("startCommand", e.task(), e.command(), e.commandLine());
        } else if (event instanceof CommandEnded e) {
            return PyTuple.of("endCommand", e.task(), e.command(), e.output(), e.ok(), e.info(),
                    new LinkedHashMap<Object, Object>(e.stats()));
        } else if (event instanceof TaskEnded e) {
            return PyTuple.of("endTask", e.task(), e.ok());
        } else if (event instanceof ExecutionEnded e) {
            return PyTuple.of("endExecution", e.ok(), e.stopTime());
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /** The event a tuple stands for, or null when it is not one we know. */
    static ExecutionEvent fromTuple(Object value) {
        if (!(value instanceof PyTuple tuple) || tuple.items().isEmpty()) {
            return null;
        }
        List<Object> t = tuple.items();
        Object kind = t.get(0);
        try {
            if ("startExecution".equals(kind)) {
                return new ExecutionStarted(Map.of());
            } else if ("startTask".equals(kind) && t.size() >= 3) {
                return new TaskStarted(integer(t.get(1)), text(t.get(2)));
            } else if ("startCommand".equals(kind) && t.size() >= 4) {
                return new CommandStarted(integer(t.get(1)), integer(t.get(2)), text(t.get(3)));
            } else if ("endCommand".equals(kind) && t.size() >= 7) {
                return new CommandEnded(integer(t.get(1)), integer(t.get(2)), text(t.get(3)),
                        Truth.of(t.get(4)), t.get(5) == null ? null : text(t.get(5)), stats(t.get(6)));
            } else if ("endTask".equals(kind) && t.size() >= 3) {
                return new TaskEnded(integer(t.get(1)), Truth.of(t.get(2)));
            } else if ("endExecution".equals(kind) && t.size() >= 2) {
                Object ok = t.get(1);
                return new ExecutionEnded(ok == null ? null : Truth.of(ok),
                        t.size() >= 3 && t.get(2) != null ? text(t.get(2)) : null);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    static List<ExecutionEvent> fromList(Object value) {
        List<ExecutionEvent> events = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                ExecutionEvent event = fromTuple(item);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static int integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof String s ? s : String.valueOf(value);
    }

    private static Map<String, Number> stats(Object value) {
        Map<String, Number> stats = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) { // a loop: a lambda here is made anew for every command
                if (entry.getValue() instanceof Number n) { // True and False are Booleans, not numbers
                    stats.put(String.valueOf(entry.getKey()), n);
                }
            }
        }
        return stats;
    }
}
