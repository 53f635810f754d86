package org.testfarm.runner;

import java.util.Optional;

import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.event.ExecutionRef;

/**
 * What one cycle of a runner did: whether it found new commits and, when it ran
 * an execution, which one and how it ended.
 *
 * @param newCommits whether the check found new commits (true for a forced run)
 * @param paused     whether the client was paused, so nothing ran
 * @param execution  the execution run, or null
 * @param outcome    how it ended, or null when nothing ran
 */
public record CycleReport(boolean newCommits, boolean paused, ExecutionRef execution, ExecutionOutcome outcome) {

    static CycleReport idle(boolean newCommits, boolean paused) {
        return new CycleReport(newCommits, paused, null, null);
    }

    public boolean ran() {
        return execution != null;
    }

    public Optional<ExecutionRef> executionRef() {
        return Optional.ofNullable(execution);
    }
}
