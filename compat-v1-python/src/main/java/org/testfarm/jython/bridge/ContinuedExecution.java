package org.testfarm.jython.bridge;

import java.util.Map;

import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Lets the engine run the rest of an execution whose first tasks were already
 * reported (the {@code Update Sandbox} task): its tasks are numbered on from
 * there, its start is not reported again, and its end is ok only if those
 * first tasks were ok too.
 */
public final class ContinuedExecution implements FarmListener {

    private final FarmListener listener;
    private final int tasksBefore;
    private final boolean okBefore;

    public ContinuedExecution(FarmListener listener, int tasksBefore, boolean okBefore) {
        this.listener = listener;
        this.tasksBefore = tasksBefore;
        this.okBefore = okBefore;
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        // reported before the first tasks
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        listener.taskStarted(execution, tasksBefore + task, description);
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        listener.commandStarted(execution, tasksBefore + task, command, commandLine);
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        listener.commandEnded(execution, tasksBefore + task, command, output, ok, info, stats);
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        listener.taskEnded(execution, tasksBefore + task, ok);
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        listener.executionEnded(execution, ok == null ? null : ok && okBefore);
    }
}
