package org.testfarm.runner;

import java.time.Duration;

/**
 * Hears the result of every check for new commits, with the idle period the
 * client announces: what v1's {@code listen_found_new_commits(found, seconds_idle)}
 * told. {@link org.testfarm.event.FarmListener}s hear the same check as
 * {@code clientIdle(minutes)}.
 */
@FunctionalInterface
public interface CheckObserver {

    void checked(boolean newCommits, Duration idlePeriod);
}
