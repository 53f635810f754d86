package org.testfarm.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one command did, as reported to listeners.
 *
 * @param ok             the verdict: exit status 0, or the command's status check
 * @param output         the output of a failed command (capped, with TestFarm's
 *                       notes appended), or "" for a successful one
 * @param info           what the info extractor said, or null without one
 * @param stats          what the stats extractor said, never null
 * @param exitCode       the shell's exit status; -1 when it never started
 * @param elapsed        wall-clock time from start to the end of its output
 * @param finalDirectory the directory the shell ended in, where the next command
 *                       of the task starts
 */
public record CommandResult(boolean ok, String output, String info, Map<String, Number> stats,
                            int exitCode, Duration elapsed, Path finalDirectory) {

    public CommandResult {
        Objects.requireNonNull(output, "output");
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(finalDirectory, "finalDirectory");
    }

    /** A command that could not run at all: failed, with {@code reason} as its output. */
    static CommandResult notRun(String reason, Path directory) {
        return new CommandResult(false, Notes.append("", reason), null, Map.of(), -1, Duration.ZERO, directory);
    }
}
