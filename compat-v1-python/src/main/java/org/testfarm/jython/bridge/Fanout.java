package org.testfarm.jython.bridge;

import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/** Every event to each listener, in the order given. */
public final class Fanout implements FarmListener {

    private final List<FarmListener> listeners;

    public Fanout(List<FarmListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void clientIdle(ClientRef client, double minutes) {
        listeners.forEach(l -> l.clientIdle(client, minutes));
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        listeners.forEach(l -> l.executionStarted(execution, info));
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        listeners.forEach(l -> l.taskStarted(execution, task, description));
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        listeners.forEach(l -> l.commandStarted(execution, task, command, commandLine));
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        listeners.forEach(l -> l.commandEnded(execution, task, command, output, ok, info, stats));
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        listeners.forEach(l -> l.taskEnded(execution, task, ok));
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        listeners.forEach(l -> l.executionEnded(execution, ok));
    }
}
