package org.testfarm.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The events of one execution as values, for storing, spooling and replaying.
 * {@link #key()} names an event's place in its execution: kind, task and command.
 * (Deployed v1 clients number every command of a task 1, so the key alone does
 * not tell two commands apart; the store's replay filter also compares content.)
 */
public sealed interface ExecutionEvent {

    /** The event's place within its execution: kind, task and command. */
    String key();

    /** Delivers this event to a listener. */
    void deliver(FarmListener listener, ExecutionRef execution);

    record ExecutionStarted(Map<String, Object> info) implements ExecutionEvent {
        public ExecutionStarted {
            info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        }
        public String key() { return "startExecution"; }
        public void deliver(FarmListener l, ExecutionRef e) { l.executionStarted(e, info); }
    }

    record TaskStarted(int task, String description) implements ExecutionEvent {
        public TaskStarted { Objects.requireNonNull(description, "description"); }
        public String key() { return "startTask " + task; }
        public void deliver(FarmListener l, ExecutionRef e) { l.taskStarted(e, task, description); }
    }

    record CommandStarted(int task, int command, String commandLine) implements ExecutionEvent {
        public CommandStarted { Objects.requireNonNull(commandLine, "commandLine"); }
        public String key() { return "startCommand " + task + " " + command; }
        public void deliver(FarmListener l, ExecutionRef e) { l.commandStarted(e, task, command, commandLine); }
    }

    record CommandEnded(int task, int command, String output, boolean ok, String info,
                        Map<String, Number> stats) implements ExecutionEvent {
        public CommandEnded {
            Objects.requireNonNull(output, "output");
            stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        }
        public String key() { return "endCommand " + task + " " + command; }
        public void deliver(FarmListener l, ExecutionRef e) {
            l.commandEnded(e, task, command, output, ok, info, stats);
        }
    }

    record TaskEnded(int task, boolean ok) implements ExecutionEvent {
        public String key() { return "endTask " + task; }
        public void deliver(FarmListener l, ExecutionRef e) { l.taskEnded(e, task, ok); }
    }

    /**
     * The end of an execution. {@code ok} is null when it was aborted;
     * {@code stopTime} ({@code YYYYmmdd-HHMMSS}) is stamped by whoever stores it.
     */
    record ExecutionEnded(Boolean ok, String stopTime) implements ExecutionEvent {
        public String key() { return "endExecution"; }
        public void deliver(FarmListener l, ExecutionRef e) { l.executionEnded(e, ok); }
    }
}
