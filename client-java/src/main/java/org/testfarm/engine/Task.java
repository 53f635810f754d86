package org.testfarm.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named list of commands run in order in one shell directory that carries over
 * from command to command. The first failing command ends the task; a failing
 * mandatory task ends the execution.
 */
public record Task(String name, List<Command> commands, boolean mandatory) {

    public Task {
        Objects.requireNonNull(name, "name");
        commands = List.copyOf(commands);
    }

    /** An ordinary (not mandatory) task. */
    public static Task of(String name, Command... commands) {
        return new Task(name, Arrays.asList(commands), false);
    }

    /** An ordinary task of plain shell lines. */
    public static Task ofLines(String name, String... lines) {
        return new Task(name, Arrays.stream(lines).map(Command::of).toList(), false);
    }

    /** This task, mandatory: its failure ends the execution. */
    public Task asMandatory() {
        return new Task(name, commands, true);
    }
}
