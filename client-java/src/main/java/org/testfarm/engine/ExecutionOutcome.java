package org.testfarm.engine;

/** How an execution (or one of its tasks) ended. */
public enum ExecutionOutcome {
    OK, FAILED, ABORTED;

    /** As listeners hear it: true, false, or null for aborted. */
    public Boolean ok() {
        return this == ABORTED ? null : this == OK;
    }
}
