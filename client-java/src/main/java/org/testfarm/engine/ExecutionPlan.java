package org.testfarm.engine;

import java.util.Arrays;
import java.util.List;

/** What one execution runs: its tasks, in order. */
public record ExecutionPlan(List<Task> tasks) {

    public ExecutionPlan {
        tasks = List.copyOf(tasks);
    }

    public static ExecutionPlan of(Task... tasks) {
        return new ExecutionPlan(Arrays.asList(tasks));
    }
}
