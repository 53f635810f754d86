package org.testfarm.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.testfarm.engine.Task;

/**
 * A task as a client defines it: a name and commands run in order in one shell
 * directory. The first failing command ends the task; a failing mandatory task
 * ends the execution.
 *
 * <pre>{@code
 * task -> task.mandatory()
 *             .command("cd {src}")
 *             .command("make -j{jobs}", c -> c.timeout(Duration.ofMinutes(30)))
 * }</pre>
 */
public final class TaskDefinition {

    private final String name;
    private final List<CommandDefinition> commands = new ArrayList<>();
    private boolean mandatory;

    TaskDefinition(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A shell line (a template). */
    public TaskDefinition command(String line) {
        return command(line, c -> { });
    }

    /** A shell line (a template) with info and stats extractors, status check, cd or timeout. */
    public TaskDefinition command(String line, Consumer<CommandDefinition> details) {
        CommandDefinition command = new CommandDefinition(line);
        details.accept(command);
        commands.add(command);
        return this;
    }

    /** Its failure ends the execution. */
    public TaskDefinition mandatory() {
        return mandatory(true);
    }

    public TaskDefinition mandatory(boolean mandatory) {
        this.mandatory = mandatory;
        return this;
    }

    public String name() {
        return name;
    }

    Task toTask(ClientConfig config) {
        return new Task(name, commands.stream().map(c -> c.toCommand(config, name)).toList(), mandatory);
    }
}
