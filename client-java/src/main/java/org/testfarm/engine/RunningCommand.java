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
 * {@link #await} reads its output while waiting for it, kills it on timeout, and
 * assesses what it did; call it soon, since a process whose output nobody reads
 * stalls once the pipe is full. {@link #cancel} may be called from any thread.
 */
public final class RunningCommand {

    private static final long BUSY_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long IDLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long a killed process may take to go. */
    private static final long KILL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Command command;
    private final CommandRunner runner;
    private final Process process;
    private final CapturedOutput output;
    private final OutputReader reader;
    private final Path startDirectory;
    private final Path directoryFile;
    private final long startNanos;
    private final CommandResult notStarted;
    private volatile boolean cancelled;

    RunningCommand(Command command, CommandRunner runner, Process process, Path startDirectory,
                   Path directoryFile, long startNanos) {
        this.command = command;
        this.runner = runner;
        this.process = process;
        this.output = new CapturedOutput(runner.analysisLimit());
        this.reader = new OutputReader(process, output);
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
     * Reads the output until the command ends, then runs its callbacks.
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
        long killedAt = 0;
        long pause = BUSY_PAUSE_NANOS;
        while (true) {
            boolean alive = process.isAlive();
            boolean moved = reader.readRound();
            if (cancelled || Thread.interrupted()) {
                throw aborted();
            }
            if (!alive || timedOut != null && System.nanoTime() - killedAt > KILL_GRACE_NANOS) {
                break;
            }
            if (timedOut == null && timeoutPassed()) {
                ProcessTree.kill(process.toHandle());
                killedAt = System.nanoTime();
                timedOut = "timed out after " + HumanDuration.format(command.timeout())
                        + ": the command and every process it started were killed";
            }
            pause = moved ? BUSY_PAUSE_NANOS : Math.min(pause * 2, IDLE_PAUSE_NANOS);
            LockSupport.parkNanos(this, pause);
        }
        reader.drain();
        int exitCode = exitCode();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        String analysed = output.render(runner.analysisLimit(), runner.charset());
        Assessment assessment = Assessment.of(command, exitCode, timedOut, analysed, elapsed);
        String reported = "";
        if (!assessment.ok()) {
            String capped = output.size() <= runner.outputLimit()
                    ? analysed : output.render(runner.outputLimit(), runner.charset());
            reported = assessment.reported(capped);
        }
        return new CommandResult(assessment.ok(), reported, assessment.info(), assessment.stats(),
                exitCode, elapsed, finalDirectory());
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

    /** The exit status; -1 for a process that would not die. */
    private int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private boolean timeoutPassed() {
        return command.timeout() != null && System.nanoTime() - startNanos >= command.timeout().toNanos();
    }

    private CommandAbortedException aborted() {
        ProcessTree.kill(process.toHandle());
        long deadline = System.nanoTime() + KILL_GRACE_NANOS;
        while (process.isAlive() && System.nanoTime() < deadline) {
            reader.readRound();
            LockSupport.parkNanos(this, IDLE_PAUSE_NANOS);
        }
        reader.drain();
        int exitCode = exitCode();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        String text = Notes.append(output.render(runner.outputLimit(), runner.charset()),
                "aborted: the command and every process it started were killed");
        return new CommandAbortedException(
                new CommandResult(false, text, null, Map.of(), exitCode, elapsed, finalDirectory()));
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
