package org.testfarm.runner;

/** Whether {@link Runner#runOnce} runs when the check found no new commits. */
public enum FirstRun {
    /** Run whatever the check said (v1's {@code first_run_always=True}, the default). */
    ALWAYS,
    /** Run only when the check found new commits. */
    ONLY_WITH_NEW_COMMITS
}
