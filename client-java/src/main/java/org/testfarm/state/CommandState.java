package org.testfarm.state;

import java.util.Map;

/** One command of a task; {@code ok} is null while it runs. */
public record CommandState(int task, int number, String commandLine, Boolean ok, String output, String info,
                           Map<String, Number> stats) {

    public boolean running() {
        return ok == null;
    }
}
