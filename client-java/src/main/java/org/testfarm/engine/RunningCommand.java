package org.testfarm.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A command whose processes run now, started by {@link CommandRunner#start}.
 * {@link #await} waits for it, kills it on timeout, and assesses what it did;
 * {@link #cancel} may be called from any other thread.
 */
public final class RunningCommand {

    /** How long the output may go on after the shell has exited (background processes). */
    private static final long OUTPUT_GRACE_MILLIS = 1000;
    /** How long a killed process may take to go. */
    private static final long KILL_GRACE_MILLIS = 5000;

    private final Command command;
    private final CommandRunner runner;
    private final Process process;
    private final CapturedOutput output;
    private final Thread reader;
    private final Path startDirectory;
    private final Path directoryFile;
    private final long startNanos;
    private final CommandResult notStarted;
    private volatile boolean cancelled;

    RunningCommand(Command command, CommandRunner runner, Process process, CapturedOutput output,
                   Thread reader, Path startDirectory, Path directoryFile, long startNanos) {
        this.command = command;
        this.runner = runner;
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.startDirectory = startDirectory;
        this.directoryFile = directoryFile;
        this.startNanos = startNanos;
        this.notStarted = null;
    }

    private RunningCommand(CommandResult notStarted) {
        this.command = null;
        this.runner = null;
        this.process = null;
        this.output = null;
        this.reader = null;
        this.startDirectory = notStarted.finalDirectory();
        this.directoryFile = null;
        this.startNanos = 0;
        this.notStarted = notStarted;
    }

    /** A command that never started: {@link #await} returns {@code result} at once. */
    static RunningCommand notStarted(CommandResult result) {
        return new RunningCommand(result);
    }

    /**
     * Waits for the command and its output to end, then runs its callbacks.
     *
     * @throws CommandAbortedException when cancelled or interrupted meanwhile; the
     *                                 processes are killed and the exception holds
     *                                 the partial result
     */
    public CommandResult await() throws CommandAbortedException {
        if (notStarted != null) {
            return notStarted;
        }
        String timedOut = null;
        try {
            if (!waitForExit()) {
                ProcessTree.kill(process.toHandle());
                timedOut = "timed out after " + HumanDuration.format(command.timeout())
                        + ": the command and every process it started were killed";
            }
        } catch (InterruptedException interrupted) {
            cancelled = true;
        }
        if (cancelled) {
            throw aborted();
        }
        int exitCode = exitCodeOnceGone();
        boolean outputComplete = finishOutput();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Path finalDirectory = finalDirectory();
        String analysed = output.render(runner.analysisLimit(), runner.charset());
        Assessment assessment = Assessment.of(command, exitCode, timedOut, analysed, elapsed);
        if (!outputComplete) {
            assessment.remark("the output may be incomplete: a process left in the background still holds it open");
        }
        String reported = "";
        if (!assessment.ok()) {
            String capped = output.size() <= runner.outputLimit()
                    ? analysed : output.render(runner.outputLimit(), runner.charset());
            reported = assessment.reported(capped);
        }
        return new CommandResult(assessment.ok(), reported, assessment.info(), assessment.stats(),
                exitCode, elapsed, finalDirectory);
    }

    /** Kills the command and every process it started; {@link #await} then throws. */
    public void cancel() {
        cancelled = true;
        if (process != null) {
            ProcessTree.kill(process.toHandle());
        }
    }

    /** The shell's process id, or -1 when it never started. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    private boolean waitForExit() throws InterruptedException {
        if (command.timeout() == null) {
            process.waitFor();
            return true;
        }
        long left = command.timeout().toNanos() - (System.nanoTime() - startNanos);
        return process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS);
    }

    private CommandAbortedException aborted() {
        ProcessTree.kill(process.toHandle());
        int exitCode = exitCodeOnceGone();
        finishOutput();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Path finalDirectory = finalDirectory();
        String text = Notes.append(output.render(runner.outputLimit(), runner.charset()),
                "aborted: the command and every process it started were killed");
        return new CommandAbortedException(
                new CommandResult(false, text, null, Map.of(), exitCode, elapsed, finalDirectory));
    }

    /** The exit status, waiting (boundedly, whatever interrupts come) for a killed process to go. */
    private int exitCodeOnceGone() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_GRACE_MILLIS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        restoreInterrupt(interrupted);
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Lets the reader drain the pipes; false when something still holds them open. */
    private boolean finishOutput() {
        LockSupport.unpark(reader);
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUTPUT_GRACE_MILLIS);
        while (reader.isAlive() && System.nanoTime() < deadline) {
            try {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        restoreInterrupt(interrupted);
        return !reader.isAlive();
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where the shell ended, as its EXIT trap wrote it; the start directory if it could not say. */
    private Path finalDirectory() {
        if (directoryFile == null) {
            return startDirectory;
        }
        try {
            String written = Files.readString(directoryFile, StandardCharsets.UTF_8);
            String line = written.endsWith("\n") ? written.substring(0, written.length() - 1) : written;
            return line.isEmpty() ? startDirectory : Path.of(line);
        } catch (IOException | RuntimeException unreadable) {
            return startDirectory;
        } finally {
            try {
                Files.deleteIfExists(directoryFile);
            } catch (IOException ignored) {
                // a leftover empty file in the temporary folder
            }
        }
    }
}
