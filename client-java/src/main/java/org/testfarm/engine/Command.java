package org.testfarm.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a task: a shell line plus what to make of its output. Immutable; the
 * {@code with...} methods return a changed copy.
 *
 * <pre>{@code
 * Command.of("mvn -B verify")
 *        .withStats(StatsExtractors.surefire())
 *        .withTimeout(Duration.ofMinutes(30));
 * }</pre>
 *
 * The callbacks run after the command, in the thread of the runner, with the
 * command's output (stdout and stderr merged, stderr wrapped in red).
 */
public final class Command {

    /** What runs when a command is given without a shell line; harmless on every shell. */
    public static final String PLACEHOLDER = "echo no command given";

    private final String line;
    private final Path directory;
    private final Function<String, String> info;
    private final Function<String, Map<String, Number>> stats;
    private final Predicate<String> statusCheck;
    private final Duration timeout;

    private Command(String line, Path directory, Function<String, String> info,
                    Function<String, Map<String, Number>> stats, Predicate<String> statusCheck,
                    Duration timeout) {
        this.line = line;
        this.directory = directory;
        this.info = info;
        this.stats = stats;
        this.statusCheck = statusCheck;
        this.timeout = timeout;
    }

    /** A command running {@code line} through the shell; {@code null} runs {@link #PLACEHOLDER}. */
    public static Command of(String line) {
        return new Command(line == null ? PLACEHOLDER : line, null, null, null, null, null);
    }

    /** A command without a shell line: it runs {@link #PLACEHOLDER}. */
    public static Command placeholder() {
        return of(null);
    }

    /** The shell line that runs, also the command line reported to listeners. */
    public String line() {
        return line;
    }

    /**
     * Changes into {@code directory} (relative to the task's current directory)
     * before the command; like a leading {@code cd}, it carries over to the next
     * commands of the task.
     */
    public Command inDirectory(Path directory) {
        return new Command(line, directory, info, stats, statusCheck, timeout);
    }

    /** Free text shown with the command, computed from its output. */
    public Command withInfo(Function<String, String> info) {
        return new Command(line, directory, info, stats, statusCheck, timeout);
    }

    /** Numbers collected as time series, computed from the output. */
    public Command withStats(Function<String, Map<String, Number>> stats) {
        return new Command(line, directory, info, stats, statusCheck, timeout);
    }

    /** Decides success from the output instead of the exit status. */
    public Command withStatusCheck(Predicate<String> statusCheck) {
        return new Command(line, directory, info, stats, statusCheck, timeout);
    }

    /**
     * Kills the command and every process it started when it runs longer than
     * {@code timeout}; the command then fails.
     */
    public Command withTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new Command(line, directory, info, stats, statusCheck, timeout);
    }

    /** The directory to change into first, or null. */
    public Path directory() {
        return directory;
    }

    /** The info extractor, or null. */
    public Function<String, String> info() {
        return info;
    }

    /** The stats extractor, or null. */
    public Function<String, Map<String, Number>> stats() {
        return stats;
    }

    /** The status check, or null for "exit status 0". */
    public Predicate<String> statusCheck() {
        return statusCheck;
    }

    /** The timeout, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return directory == null ? line : "(in " + directory + ") " + line;
    }
}
