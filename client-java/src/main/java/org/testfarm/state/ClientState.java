package org.testfarm.state;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.testfarm.event.ClientRef;

/**
 * A client as the summary shows it (spec/log-tree.md, "Derived state").
 *
 * @param statusExecution the newest execution that decided {@code status}, if any
 * @param newest          the newest execution, whatever its outcome
 * @param expectedIdle    when the client promised to report again
 */
public record ClientState(ClientRef ref, Map<String, Object> meta, Status status, Doing doing,
                          Optional<ExecutionState> statusExecution, Optional<ExecutionState> newest,
                          Optional<LocalDateTime> expectedIdle) {

    public String name() {
        return ref.client();
    }

    /** Descriptions of the failed tasks of the execution that made the client red. */
    public List<String> failedTasks() {
        return statusExecution.map(e -> e.failedTasks().stream().map(TaskState::description).toList())
                .orElse(List.of());
    }

    public Optional<ExecutionState> currentExecution() {
        return newest.filter(ExecutionState::running);
    }

    public Optional<TaskState> currentTask() {
        return currentExecution().flatMap(ExecutionState::currentTask);
    }

    public Optional<LocalDateTime> runningSince() {
        return currentExecution().flatMap(ExecutionState::startTime);
    }

    public String description() {
        return text(meta.get("description"));
    }

    public String briefDescription() {
        return text(meta.get("briefDescription"));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
