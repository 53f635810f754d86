package org.testfarm.runner;

import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Tells every listener each event, in order. A listener that throws does not
 * stop the others nor the execution: its failure is reported as a warning and
 * the next listener hears the event all the same.
 */
final class Broadcast implements FarmListener {

    private final List<FarmListener> listeners;
    private final Consumer<String> warnings;

    Broadcast(List<FarmListener> listeners, Consumer<String> warnings) {
        this.listeners = List.copyOf(listeners);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    private void each(String event, Consumer<FarmListener> call) {
        for (FarmListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                warnings.accept("listener " + name(listener) + " failed on " + event + ": " + e.getMessage());
            }
        }
    }

    /** Flushes the listeners that are {@link Flushable}, such as the remote logger's spool. */
    void flush() {
        for (FarmListener listener : listeners) {
            if (listener instanceof Flushable flushable) {
                try {
                    flushable.flush();
                } catch (IOException | RuntimeException e) {
                    warnings.accept("listener " + name(listener) + " could not flush: " + e.getMessage());
                }
            }
        }
    }

    private static String name(FarmListener listener) {
        return listener.getClass().getSimpleName();
    }

    @Override
    public void clientIdle(ClientRef client, double minutes) {
        each("clientIdle", l -> l.clientIdle(client, minutes));
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        each("executionStarted", l -> l.executionStarted(execution, info));
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        each("taskStarted", l -> l.taskStarted(execution, task, description));
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        each("commandStarted", l -> l.commandStarted(execution, task, command, commandLine));
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        each("commandEnded", l -> l.commandEnded(execution, task, command, output, ok, info, stats));
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        each("taskEnded", l -> l.taskEnded(execution, task, ok));
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        each("executionEnded", l -> l.executionEnded(execution, ok));
    }
}
