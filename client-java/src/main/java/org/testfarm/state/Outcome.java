package org.testfarm.state;

/** How an execution stands. */
public enum Outcome {
    /** Still reporting. */
    RUNNING,
    /** Ended ok, no task failed. */
    OK,
    /** Ended, and it said not ok or a task failed. */
    FAILED,
    /** Ended with ok = None: stopped by its client (Ctrl-C, SIGTERM). */
    ABORTED,
    /** Never ended and its client is overdue: shown as aborted, with what it reported. */
    LOST;

    public boolean finished() {
        return this != RUNNING;
    }

    /** Whether it tells the state of the build: a finished execution that ran to its end. */
    public boolean decisive() {
        return this == OK || this == FAILED;
    }
}
