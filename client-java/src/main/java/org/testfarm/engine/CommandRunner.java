package org.testfarm.engine;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one {@link Command} through the shell in a given directory with a given
 * environment, reading its output on the calling thread (no thread of its own).
 * Immutable and thread-safe; the {@code with...} methods return a
 * changed copy.
 *
 * <pre>{@code
 * CommandResult result = new CommandRunner().run(Command.of("make"), dir, System.getenv());
 * }</pre>
 *
 * A failing command, one that cannot start, or one whose callback throws is a
 * failed {@link CommandResult}, never an exception.
 */
public final class CommandRunner {

    /** Output reported for a failed command: 1 MiB. */
    public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;
    /** Output kept for the status check and the extractors: 16 MiB. */
    public static final int DEFAULT_ANALYSIS_LIMIT = 16 << 20;

    private final Shell shell;
    private final int outputLimit;
    private final int analysisLimit;
    private final Charset charset;

    public CommandRunner() {
        this(Shell.platform(), DEFAULT_OUTPUT_LIMIT, DEFAULT_ANALYSIS_LIMIT, StandardCharsets.UTF_8);
    }

    private CommandRunner(Shell shell, int outputLimit, int analysisLimit, Charset charset) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.outputLimit = outputLimit;
        this.analysisLimit = analysisLimit;
        this.charset = Objects.requireNonNull(charset, "charset");
    }

    public CommandRunner withShell(Shell shell) {
        return new CommandRunner(shell, outputLimit, analysisLimit, charset);
    }

    /**
     * Caps the output reported for a failed command at about {@code bytes}: its
     * first and last halves are kept around a line saying how much was left out.
     */
    public CommandRunner withOutputLimit(int bytes) {
        requireLimit(bytes);
        return new CommandRunner(shell, bytes, Math.max(bytes, analysisLimit), charset);
    }

    /**
     * Caps the output the status check and extractors see (at least the output
     * limit); beyond it they get its first and last halves too.
     */
    public CommandRunner withAnalysisLimit(int bytes) {
        requireLimit(bytes);
        return new CommandRunner(shell, Math.min(bytes, outputLimit), bytes, charset);
    }

    /** How the commands' output bytes are decoded; UTF-8 unless told otherwise. */
    public CommandRunner withCharset(Charset charset) {
        return new CommandRunner(shell, outputLimit, analysisLimit, charset);
    }

    /** Runs {@code command} to its end. */
    public CommandResult run(Command command, Path directory, Map<String, String> environment)
            throws CommandAbortedException {
        return start(command, directory, environment).await();
    }

    /**
     * Starts {@code command} in {@code directory} (or in its own directory,
     * resolved against that one) with exactly the variables of {@code environment}.
     * Its standard input is closed.
     */
    public RunningCommand start(Command command, Path directory, Map<String, String> environment) {
        Path base = directory.toAbsolutePath();
        Path start = command.directory() == null ? base : base.resolve(command.directory());
        if (!Files.isDirectory(start)) {
            return RunningCommand.notStarted(CommandResult.notRun(
                    "could not run the command: there is no directory " + start, base));
        }
        Path directoryFile = null;
        long startNanos = System.nanoTime();
        try {
            directoryFile = shell.reportsDirectory() ? DirectoryFile.create() : null;
            ProcessBuilder builder = new ProcessBuilder(shell.arguments(command.line(), directoryFile))
                    .directory(start.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            closeQuietly(process);
            return new RunningCommand(command, this, process, start, directoryFile, startNanos);
        } catch (IOException | RuntimeException cannotStart) {
            deleteQuietly(directoryFile);
            return RunningCommand.notStarted(CommandResult.notRun(
                    "could not start the command: " + Notes.describe(cannotStart), base));
        }
    }

    int outputLimit() {
        return outputLimit;
    }

    int analysisLimit() {
        return analysisLimit;
    }

    Charset charset() {
        return charset;
    }

    private static void requireLimit(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("an output limit below 1024 bytes leaves nothing to read: " + bytes);
        }
    }

    /** Closes the command's standard input, so that whatever reads it ends at once. */
    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone already: reading it ends all the same
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover empty file in the temporary folder
            }
        }
    }
}
