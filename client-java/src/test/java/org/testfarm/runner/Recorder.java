package org.testfarm.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;

/**
 * A listener that writes what it hears as lines, the way v1's
 * DummyResultListener did ({@code BEGIN_TASK}, a tuple per command, ...), plus
 * {@code IDLE minutes}, for tests to compare.
 */
final class Recorder implements FarmListener {

    private final List<String> lines = new ArrayList<>();
    private final List<ExecutionRef> executions = new ArrayList<>();
    private final List<Map<String, Object>> infos = new ArrayList<>();
    private final Map<String, String> commandLines = new HashMap<>();
    final CountDownLatch commandStarted = new CountDownLatch(1);

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<ExecutionRef> executions() {
        return List.copyOf(executions);
    }

    synchronized List<Map<String, Object>> infos() {
        return List.copyOf(infos);
    }

    @Override
    public synchronized void clientIdle(ClientRef client, double minutes) {
        lines.add("IDLE " + minutes);
    }

    @Override
    public synchronized void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        executions.add(execution);
        infos.add(info);
        lines.add("BEGIN_TASK " + execution.execution());
    }

    @Override
    public synchronized void taskStarted(ExecutionRef execution, int task, String description) {
        lines.add("BEGIN_SUBTASK " + description);
    }

    @Override
    public synchronized void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        commandLines.put(execution.execution() + " " + task + " " + command, commandLine);
        commandStarted.countDown();
    }

    @Override
    public synchronized void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                                          String info, Map<String, Number> stats) {
        lines.add("#" + task + "." + command + " " + PyLiteral.format(PyTuple.of(lastLine(execution, task, command),
                ok ? "ok" : "failure", output, info == null ? "" : info, stats)));
    }

    @Override
    public synchronized void taskEnded(ExecutionRef execution, int task, boolean ok) {
        lines.add("END_SUBTASK " + task + " " + ok);
    }

    @Override
    public synchronized void executionEnded(ExecutionRef execution, Boolean ok) {
        lines.add("END_TASK " + ok);
    }

    private String lastLine(ExecutionRef execution, int task, int command) {
        return commandLines.getOrDefault(execution.execution() + " " + task + " " + command, "?");
    }
}
