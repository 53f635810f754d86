package org.testfarm.notify;

import java.util.Objects;

/**
 * A task that failed, with the command that failed it and the end of that
 * command's output (colour codes removed, trimmed to what a message can carry).
 *
 * @param commandLine empty when the task failed without a failing command
 * @param output      empty when the command printed nothing
 */
public record FailedTask(int number, String description, String commandLine, String output) {

    public FailedTask {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(output, "output");
    }
}
