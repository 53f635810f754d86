package org.testfarm.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.testfarm.event.ExecutionRef;

/**
 * What lists of executions show about one (history, feeds, change lists), without
 * its outputs: small enough to keep many in a cache. {@code outcome} is as its
 * events say ({@link Outcome#RUNNING} until it ends); {@link FarmState#outcome}
 * tells whether a running one is lost by now.
 *
 * @param currentTask the description of the last task of a running execution, or ""
 */
public record ExecutionSummary(ExecutionRef ref, Outcome outcome, LocalDateTime start, LocalDateTime stop,
                               Instant lastActivity, List<String> failedTasks, String currentTask,
                               List<Change> changes) {

    public ExecutionSummary {
        failedTasks = List.copyOf(failedTasks);
        changes = List.copyOf(changes);
        currentTask = currentTask == null ? "" : currentTask;
    }

    public static ExecutionSummary of(ExecutionState execution) {
        return new ExecutionSummary(execution.ref(), execution.outcome(), execution.startTime().orElse(null),
                execution.stopTime().orElse(null), execution.lastActivity(),
                descriptions(execution.failedTasks()),
                execution.currentTask().map(TaskState::description).orElse(""), execution.changes());
    }

    private static List<String> descriptions(List<TaskState> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] descriptions = new String[tasks.size()];
        for (int i = 0; i < descriptions.length; i++) {
            descriptions[i] = tasks.get(i).description();
        }
        return List.of(descriptions);
    }

    public String id() {
        return ref.execution();
    }

    public Optional<LocalDateTime> startTime() {
        return Optional.ofNullable(start);
    }

    public Optional<LocalDateTime> stopTime() {
        return Optional.ofNullable(stop);
    }
}
