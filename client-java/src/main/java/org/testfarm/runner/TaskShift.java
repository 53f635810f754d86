package org.testfarm.runner;

import java.util.Map;

import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Lets the engine run the user's tasks inside an execution the runner opened:
 * task numbers move up by the tasks the runner ran first (Update Sandbox), and
 * the engine's executionStarted and executionEnded are kept back, the latter's
 * verdict remembered, for the runner to report the execution's end itself.
 */
final class TaskShift implements FarmListener {

    private final FarmListener target;
    private final int offset;
    private boolean ended;
    private Boolean ok;

    TaskShift(FarmListener target, int offset) {
        this.target = target;
        this.offset = offset;
    }

    /** Whether the engine ended the execution, and so whether {@link #ok()} is known. */
    boolean ended() {
        return ended;
    }

    /** The engine's verdict: true, false, or null when it aborted. */
    Boolean ok() {
        return ok;
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        // the runner reported it already
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        target.taskStarted(execution, task + offset, description);
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        target.commandStarted(execution, task + offset, command, commandLine);
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        target.commandEnded(execution, task + offset, command, output, ok, info, stats);
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        target.taskEnded(execution, task + offset, ok);
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        this.ended = true;
        this.ok = ok;
    }
}
