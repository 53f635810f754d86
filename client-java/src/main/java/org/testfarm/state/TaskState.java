package org.testfarm.state;

import java.util.List;

/** One task of an execution, with its commands in order; {@code ok} is null until it ends. */
public record TaskState(int number, String description, List<CommandState> commands, Boolean ok) {

    public TaskState {
        commands = List.copyOf(commands);
    }

    public boolean ended() {
        return ok != null;
    }

    public boolean failed() {
        return Boolean.FALSE.equals(ok);
    }
}
