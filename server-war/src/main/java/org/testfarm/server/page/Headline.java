package org.testfarm.server.page;

import java.util.List;

import org.testfarm.state.ExecutionState;
import org.testfarm.state.Outcome;
import org.testfarm.state.TaskState;

/** The one sentence at the top of a details page that says how an execution went. */
final class Headline {

    private Headline() {}

    static String of(ExecutionState execution, Outcome outcome) {
        List<TaskState> tasks = execution.tasks();
        int commands = tasks.stream().mapToInt(t -> t.commands().size()).sum();
        String last = tasks.isEmpty() ? "" : " during " + describe(tasks.get(tasks.size() - 1));
        return switch (outcome) {
            case OK -> "Stable: " + count(tasks.size(), "task") + " and " + count(commands, "command")
                    + ", all passed.";
            case FAILED -> failed(execution.failedTasks(), tasks.size());
            case RUNNING -> tasks.isEmpty() ? "Running: started, no task yet."
                    : "Running " + describe(tasks.get(tasks.size() - 1)) + ".";
            case ABORTED -> "Aborted: its client stopped it" + last + ".";
            case LOST -> "Aborted: its client stopped reporting" + last + ".";
        };
    }

    private static String failed(List<TaskState> failed, int total) {
        if (failed.isEmpty()) {
            return "Broken: the client reported a failure.";
        }
        if (failed.size() == 1) {
            return "Broken: " + describe(failed.get(0)) + " failed.";
        }
        return "Broken: " + failed.size() + " of " + total + " tasks failed ("
                + String.join(", ", failed.stream().map(SummaryPage::taskName).toList()) + ").";
    }

    private static String describe(TaskState task) {
        return task.description().isBlank() ? "task " + task.number()
                : "task " + task.number() + " (" + task.description() + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
