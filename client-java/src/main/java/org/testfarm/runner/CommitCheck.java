package org.testfarm.runner;

import java.util.List;
import java.util.function.Consumer;

import org.testfarm.engine.Command;
import org.testfarm.engine.CommandAbortedException;
import org.testfarm.engine.CommandRunner;
import org.testfarm.engine.EnvironmentSource;
import org.testfarm.engine.RunningCommand;
import org.testfarm.vcs.Sandbox;

/**
 * Whether there are new commits to build, by v1's rules: a sandbox with pending
 * remote changes (or missing files) means yes; otherwise a checking command means
 * yes when it exits 0, and always when there is no sandbox. With neither
 * sandboxes nor a checking command there never are.
 *
 * <p>A sandbox that cannot answer (not a working copy, remote unreachable) counts
 * as new commits, so the execution's Update Sandbox task reports the failure.
 */
final class CommitCheck {

    private final List<Sandbox> sandboxes;
    private final Command checkingCommand;
    private final CommandRunner commandRunner;
    private final EnvironmentSource environment;
    private final Consumer<String> warnings;
    private volatile RunningCommand running;
    private volatile boolean cancelled;

    CommitCheck(List<Sandbox> sandboxes, Command checkingCommand, CommandRunner commandRunner,
                EnvironmentSource environment, Consumer<String> warnings) {
        this.sandboxes = List.copyOf(sandboxes);
        this.checkingCommand = checkingCommand;
        this.commandRunner = commandRunner;
        this.environment = environment;
        this.warnings = warnings;
    }

    boolean newCommits() {
        for (Sandbox sandbox : sandboxes) {
            try {
                if (sandbox.hasPendingChanges()) {
                    return true;
                }
            } catch (RuntimeException e) {
                warnings.accept("cannot check " + sandbox.location() + " for new commits: " + e.getMessage());
                return true;
            }
        }
        if (checkingCommand == null) {
            return false;
        }
        return sandboxes.isEmpty() || checkingCommandSucceeds();
    }

    /** Stops a checking command that runs now, and any later one, from any thread. */
    void cancel() {
        cancelled = true;
        RunningCommand command = running;
        if (command != null) {
            command.cancel();
        }
    }

    private boolean checkingCommandSucceeds() {
        try {
            RunningCommand command = commandRunner.start(checkingCommand, environment.currentDirectory(),
                    environment.variables());
            running = command;
            if (cancelled) {
                command.cancel();
            }
            return command.await().ok();
        } catch (CommandAbortedException e) {
            if (!cancelled) {
                Thread.currentThread().interrupt();
            }
            return false;
        } catch (RuntimeException e) {
            warnings.accept("cannot run the checking command '" + checkingCommand.line() + "': " + e.getMessage());
            return false;
        } finally {
            running = null;
        }
    }
}
