package org.testfarm.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a notification needs of one execution, gathered from its events as they
 * come: the commits that triggered it, and each failed task with its failing
 * command and the end of that command's output. Not thread-safe: one per
 * execution, fed in event order.
 */
final class ExecutionDigest {

    private final List<Commit> commits;
    private final OutputTail tail;
    private final Map<Integer, String> descriptions = new TreeMap<>();
    private final Map<String, String> commandLines = new TreeMap<>();
    private final Map<Integer, String[]> failingCommand = new TreeMap<>();
    private final Map<Integer, Boolean> taskOk = new TreeMap<>();

    ExecutionDigest(List<Commit> commits, OutputTail tail) {
        this.commits = List.copyOf(commits);
        this.tail = tail;
    }

    void taskStarted(int task, String description) {
        descriptions.put(task, description);
    }

    void commandStarted(int task, int command, String commandLine) {
        commandLines.put(task + " " + command, commandLine);
    }

    void commandEnded(int task, int command, String output, boolean ok) {
        if (!ok) {
            String line = commandLines.getOrDefault(task + " " + command, "");
            failingCommand.put(task, new String[] {line, output});
        }
    }

    void taskEnded(int task, boolean ok) {
        taskOk.put(task, ok);
    }

    List<Commit> commits() {
        return commits;
    }

    /** The tasks that ended not ok, in task order. */
    List<FailedTask> failedTasks() {
        List<FailedTask> out = new ArrayList<>();
        taskOk.forEach((task, ok) -> {
            if (!ok) {
                String[] command = failingCommand.getOrDefault(task, new String[] {"", ""});
                out.add(new FailedTask(task, descriptions.getOrDefault(task, ""), command[0], tail.of(command[1])));
            }
        });
        return out;
    }
}
