package org.testfarm.runner;

import java.time.Duration;

/**
 * How a continuous runner waits between two checks. The default one wakes up
 * early when the runner is stopped; tests give one that returns at once.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration period) throws InterruptedException;
}
