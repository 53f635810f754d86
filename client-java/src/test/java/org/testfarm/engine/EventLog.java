package org.testfarm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/** A listener that keeps every event as an {@link ExecutionEvent} value, for tests. */
final class EventLog implements FarmListener {

    private final List<ExecutionEvent> events = new ArrayList<>();
    final CountDownLatch commandStarted = new CountDownLatch(1);

    synchronized List<ExecutionEvent> events() {
        return List.copyOf(events);
    }

    /** The commandEnded events only. */
    synchronized List<ExecutionEvent.CommandEnded> commandsEnded() {
        return events.stream().filter(ExecutionEvent.CommandEnded.class::isInstance)
                .map(ExecutionEvent.CommandEnded.class::cast).toList();
    }

    @Override
    public synchronized void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        events.add(new ExecutionEvent.ExecutionStarted(info));
    }

    @Override
    public synchronized void taskStarted(ExecutionRef execution, int task, String description) {
        events.add(new ExecutionEvent.TaskStarted(task, description));
    }

    @Override
    public synchronized void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        events.add(new ExecutionEvent.CommandStarted(task, command, commandLine));
        commandStarted.countDown();
    }

    @Override
    public synchronized void commandEnded(ExecutionRef execution, int task, int command, String output,
                                          boolean ok, String info, Map<String, Number> stats) {
        events.add(new ExecutionEvent.CommandEnded(task, command, output, ok, info, stats));
    }

    @Override
    public synchronized void taskEnded(ExecutionRef execution, int task, boolean ok) {
        events.add(new ExecutionEvent.TaskEnded(task, ok));
    }

    @Override
    public synchronized void executionEnded(ExecutionRef execution, Boolean ok) {
        events.add(new ExecutionEvent.ExecutionEnded(ok, null));
    }
}
