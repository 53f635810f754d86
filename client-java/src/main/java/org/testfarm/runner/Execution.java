package org.testfarm.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.engine.CommandRunner;
import org.testfarm.engine.EnvironmentSource;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.ExecutionRunner;
import org.testfarm.event.ExecutionRef;
import org.testfarm.vcs.Sandbox;

/**
 * One execution as a runner runs it: executionStarted with the snapshot of the
 * sandboxes' pending changes, the Update Sandbox task when there are sandboxes
 * (mandatory: when it fails nothing else runs), the plan's tasks through the
 * engine, and executionEnded: always, aborted ({@code ok = null}) when stopped.
 */
final class Execution {

    private final ExecutionRef ref;
    private final Broadcast listeners;
    private final List<Sandbox> sandboxes;
    private final ExecutionRunner engine;
    private volatile boolean cancelled;
    private boolean sandboxFailed;

    Execution(ExecutionRef ref, Broadcast listeners, List<Sandbox> sandboxes, CommandRunner commandRunner,
              EnvironmentSource environment) {
        this.ref = ref;
        this.listeners = listeners;
        this.sandboxes = List.copyOf(sandboxes);
        TaskShift shift = new TaskShift(listeners, sandboxes.isEmpty() ? 0 : 1);
        this.engine = new ExecutionRunner(shift).commandRunner(commandRunner).environment(environment);
    }

    ExecutionRef ref() {
        return ref;
    }

    /** Whether the Update Sandbox task failed: the sandbox needs another try next cycle. */
    boolean sandboxFailed() {
        return sandboxFailed;
    }

    /** Stops the execution from any thread; it ends aborted. */
    void cancel() {
        cancelled = true;
        engine.cancel();
    }

    private boolean stopRequested() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    ExecutionOutcome run(ExecutionPlan plan) {
        SandboxUpdate update = sandboxes.isEmpty() ? null : SandboxUpdate.prepare(sandboxes);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("snapshot", update == null ? List.of() : update.snapshot());
        listeners.executionStarted(ref, info);
        ExecutionOutcome outcome = ExecutionOutcome.ABORTED;
        try {
            if (update != null) {
                outcome = update.run(ref, 1, listeners, this::stopRequested);
                sandboxFailed = outcome == ExecutionOutcome.FAILED;
                if (outcome != ExecutionOutcome.OK) {
                    return outcome;
                }
            }
            outcome = stopRequested() ? ExecutionOutcome.ABORTED : engine.run(ref, plan, Map.of());
            return outcome;
        } finally {
            listeners.executionEnded(ref, outcome.ok());
        }
    }
}
