package org.testfarm.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.testfarm.engine.Command;

/**
 * One command of a task, as a client defines it: a shell line (a template whose
 * {@code {name}} placeholders come from the client's configuration) and what to
 * make of its output. Fluent; see {@link TaskDefinition#command(String, java.util.function.Consumer)}.
 */
public final class CommandDefinition {

    private final String line;
    private String directory;
    private Function<String, String> info;
    private Function<String, Map<String, Number>> stats;
    private Predicate<String> status;
    private Duration timeout;

    CommandDefinition(String line) {
        this.line = Objects.requireNonNull(line, "line");
    }

    /** Free text shown with the command, from its output (stdout and stderr together). */
    public CommandDefinition info(Function<String, String> info) {
        this.info = info;
        return this;
    }

    /** Numbers collected as time series, from the output; see {@link org.testfarm.stats.StatsExtractors}. */
    public CommandDefinition stats(Function<String, Map<String, Number>> stats) {
        this.stats = stats;
        return this;
    }

    /** Decides success from the output instead of the exit status. */
    public CommandDefinition status(Predicate<String> status) {
        this.status = status;
        return this;
    }

    /** Changes into this directory (a template) first; it carries over to the next commands of the task. */
    public CommandDefinition cd(String directory) {
        this.directory = directory;
        return this;
    }

    /** Kills the command and what it started after this long; the command then fails. */
    public CommandDefinition timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public String line() {
        return line;
    }

    /** The engine's command, placeholders filled. */
    Command toCommand(ClientConfig config, String task) {
        String where = "command '" + line + "' of task '" + task + "'";
        Command command = Command.of(Template.fill(line, config, where));
        if (directory != null) {
            command = command.inDirectory(Path.of(Template.fill(directory, config, "the cd of " + where)));
        }
        return command.withInfo(info).withStats(stats).withStatusCheck(status).withTimeout(timeout);
    }
}
