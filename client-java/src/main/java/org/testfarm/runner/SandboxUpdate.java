package org.testfarm.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.literal.PyTuple;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.UpdateResult;

/**
 * The first task of an execution of a client with sandboxes, {@value #TASK_NAME}:
 * per sandbox a command {@code Change log for <location>} whose info is the change
 * log, then {@code Updating <location>, <old> -> <new>}, which updates it. The
 * change logs are read once, before the execution starts, for its snapshot. A
 * sandbox that fails (not a working copy, remote unreachable, credentials
 * refused) fails its command with the message as output, and so the task. An
 * update's note (where local edits it could not re-apply are kept) is its
 * command's output.
 */
final class SandboxUpdate {

    static final String TASK_NAME = "Update Sandbox";

    /** One sandbox and what reading its change log gave: the changes, or why not. */
    private record Pending(Sandbox sandbox, List<Change> changes, RuntimeException failure) {
    }

    private final List<Pending> pending;

    private SandboxUpdate(List<Pending> pending) {
        this.pending = pending;
    }

    /** Reads every sandbox's pending changes; a failure is kept for the task to report. */
    static SandboxUpdate prepare(List<Sandbox> sandboxes) {
        List<Pending> pending = new ArrayList<>();
        for (Sandbox sandbox : sandboxes) {
            try {
                pending.add(new Pending(sandbox, List.copyOf(sandbox.changeLog()), null));
            } catch (RuntimeException e) {
                pending.add(new Pending(sandbox, List.of(), e));
            }
        }
        return new SandboxUpdate(pending);
    }

    /** The pending changes as {@code (location, author, revision)} tuples, oldest first per sandbox. */
    List<PyTuple> snapshot() {
        List<PyTuple> snapshot = new ArrayList<>();
        for (Pending p : pending) {
            for (Change change : p.changes()) {
                snapshot.add(PyTuple.of(p.sandbox().location().toString(), change.author(), change.revision()));
            }
        }
        return snapshot;
    }

    /** {@code :: <revision> - <author>\n<message>\n\n} per change. */
    static String changeLog(List<Change> changes) {
        StringBuilder text = new StringBuilder();
        for (Change change : changes) {
            text.append(":: ").append(change.revision()).append(" - ").append(change.author()).append('\n')
                    .append(change.message()).append("\n\n");
        }
        return text.toString();
    }

    /** Runs the task as task number {@code task}: OK, FAILED, or ABORTED when a stop was asked. */
    ExecutionOutcome run(ExecutionRef execution, int task, FarmListener listener, BooleanSupplier stopRequested) {
        listener.taskStarted(execution, task, TASK_NAME);
        int command = 0;
        for (Pending p : pending) {
            String location = p.sandbox().location().toString();
            if (stopRequested.getAsBoolean()) {
                listener.taskEnded(execution, task, false);
                return ExecutionOutcome.ABORTED;
            }
            listener.commandStarted(execution, task, ++command, "Change log for " + location);
            if (p.failure() != null) {
                return failed(execution, task, command, listener, p.failure());
            }
            listener.commandEnded(execution, task, command, "", true, changeLog(p.changes()), Map.of());
            if (stopRequested.getAsBoolean()) {
                listener.taskEnded(execution, task, false);
                return ExecutionOutcome.ABORTED;
            }
            if (!update(execution, task, ++command, listener, p.sandbox())) {
                return ExecutionOutcome.FAILED;
            }
        }
        listener.taskEnded(execution, task, true);
        return ExecutionOutcome.OK;
    }

    private static boolean update(ExecutionRef execution, int task, int command, FarmListener listener,
                                  Sandbox sandbox) {
        String line = "Updating " + sandbox.location();
        String from;
        String to;
        try {
            from = sandbox.state();
            to = sandbox.remoteState();
        } catch (RuntimeException e) {
            listener.commandStarted(execution, task, command, line);
            failed(execution, task, command, listener, e);
            return false;
        }
        listener.commandStarted(execution, task, command, line + ", " + from + " -> " + to);
        UpdateResult result;
        try {
            result = sandbox.update();
        } catch (RuntimeException e) {
            failed(execution, task, command, listener, e);
            return false;
        }
        String info = result.hasConflicts() ? "conflicts: " + String.join(", ", result.conflicts()) : null;
        String output = result.note() == null ? "" : result.note() + "\n";
        listener.commandEnded(execution, task, command, output, true, info, Map.of());
        return true;
    }

    private static ExecutionOutcome failed(ExecutionRef execution, int task, int command, FarmListener listener,
                                           RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        listener.commandEnded(execution, task, command, message + "\n", false, null, Map.of());
        listener.taskEnded(execution, task, false);
        return ExecutionOutcome.FAILED;
    }
}
