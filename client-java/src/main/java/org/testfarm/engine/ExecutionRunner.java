package org.testfarm.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Runs an {@link ExecutionPlan} and tells a {@link FarmListener} everything, in
 * order: executionStarted; per task taskStarted, commandStarted/commandEnded per
 * command, taskEnded; executionEnded. Tasks and commands are numbered from 1.
 *
 * <ul>
 * <li>Each task starts in the environment's current directory; a {@code cd} in a
 *     command carries over to the next command of the task.</li>
 * <li>The first failing command ends its task; a failing mandatory task ends the
 *     execution, which is ok only if every task was.</li>
 * <li>{@link #cancel()} from another thread, or interrupting the running thread,
 *     kills the running command's processes, reports it failed, ends its task
 *     failed and the execution aborted ({@code ok = null}). After an interrupt
 *     the thread's interrupt status is set again on return.</li>
 * </ul>
 *
 * One run at a time per runner. Exceptions thrown by the listener propagate.
 */
public final class ExecutionRunner {

    private final FarmListener listener;
    private CommandRunner commandRunner = new CommandRunner();
    private EnvironmentSource environment = EnvironmentSource.system();
    private volatile boolean cancelled;
    private volatile RunningCommand current;
    private boolean interrupted;

    public ExecutionRunner(FarmListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Runs commands with {@code commandRunner} (output limits, shell). */
    public ExecutionRunner commandRunner(CommandRunner commandRunner) {
        this.commandRunner = Objects.requireNonNull(commandRunner, "commandRunner");
        return this;
    }

    /** Takes variables and task directories from {@code environment}; the process's by default. */
    public ExecutionRunner environment(EnvironmentSource environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    public ExecutionOutcome run(ExecutionRef execution, ExecutionPlan plan) {
        return run(execution, plan, Map.of());
    }

    /** Runs {@code plan}; {@code info} goes with executionStarted (a {@code snapshot}, say). */
    public ExecutionOutcome run(ExecutionRef execution, ExecutionPlan plan, Map<String, Object> info) {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(info, "info");
        interrupted = false;
        listener.executionStarted(execution, info);
        boolean allOk = true;
        int number = 0;
        for (Task task : plan.tasks()) {
            if (stopRequested()) {
                return aborted(execution);
            }
            ExecutionOutcome outcome = runTask(execution, ++number, task);
            if (outcome == ExecutionOutcome.ABORTED) {
                return aborted(execution);
            }
            allOk &= outcome == ExecutionOutcome.OK;
            if (outcome == ExecutionOutcome.FAILED && task.mandatory()) {
                break;
            }
        }
        listener.executionEnded(execution, allOk);
        return allOk ? ExecutionOutcome.OK : ExecutionOutcome.FAILED;
    }

    /**
     * Stops the run in progress, from any thread: its command's processes are
     * killed and it ends aborted. Later runs of this runner end aborted at once.
     */
    public void cancel() {
        cancelled = true;
        RunningCommand running = current;
        if (running != null) {
            running.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private ExecutionOutcome runTask(ExecutionRef execution, int task, Task definition) {
        listener.taskStarted(execution, task, definition.name());
        Path directory = null;
        String unusable = null;
        try {
            directory = Objects.requireNonNull(environment.currentDirectory(), "no current directory");
        } catch (RuntimeException e) {
            unusable = "could not get the directory to start the task in: " + Notes.describe(e);
        }
        int number = 0;
        for (Command command : definition.commands()) {
            if (stopRequested()) {
                listener.taskEnded(execution, task, false);
                return ExecutionOutcome.ABORTED;
            }
            listener.commandStarted(execution, task, ++number, command.line());
            CommandResult result;
            ExecutionOutcome outcome = ExecutionOutcome.OK;
            try {
                result = unusable != null ? CommandResult.notRun(unusable, Path.of("").toAbsolutePath())
                        : runCommand(command, directory);
            } catch (CommandAbortedException aborted) {
                interrupted |= !cancelled;
                result = aborted.partialResult();
                outcome = ExecutionOutcome.ABORTED;
                stopRequested(); // clears the interrupt status while listeners are told
            }
            listener.commandEnded(execution, task, number, result.output(), result.ok(), result.info(),
                    result.stats());
            if (!result.ok()) {
                listener.taskEnded(execution, task, false);
                return outcome == ExecutionOutcome.ABORTED ? outcome : ExecutionOutcome.FAILED;
            }
            directory = result.finalDirectory();
        }
        listener.taskEnded(execution, task, true);
        return ExecutionOutcome.OK;
    }

    private CommandResult runCommand(Command command, Path directory) throws CommandAbortedException {
        Map<String, String> variables;
        try {
            variables = Objects.requireNonNull(environment.variables(), "no variables");
        } catch (RuntimeException e) {
            return CommandResult.notRun("could not get the environment variables: " + Notes.describe(e), directory);
        }
        RunningCommand running = commandRunner.start(command, directory, variables);
        current = running;
        try {
            if (cancelled) {
                running.cancel();
            }
            return running.await();
        } finally {
            current = null;
        }
    }

    /** Whether to stop here; clears (and remembers) the thread's interrupt status. */
    private boolean stopRequested() {
        interrupted |= Thread.interrupted();
        return cancelled || interrupted;
    }

    private ExecutionOutcome aborted(ExecutionRef execution) {
        stopRequested();
        try {
            listener.executionEnded(execution, null);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return ExecutionOutcome.ABORTED;
    }
}
