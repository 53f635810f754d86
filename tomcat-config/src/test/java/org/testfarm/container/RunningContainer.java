package org.testfarm.container;

import java.time.Duration;

/** A container that runs, started by a test, with what the test needs to talk to it. */
interface RunningContainer extends AutoCloseable {

    /** e.g. "Tomcat 10.1.59". */
    String name();

    /** http://127.0.0.1:PORT, without a trailing slash. */
    String rootUrl();

    ContainerLog log();

    /** How long the start took, deployments made at start included. */
    Duration startTime();

    /** Stops the container; the log stays for the test to read. */
    @Override
    void close();

    default FarmClient farm(String contextPath) {
        return new FarmClient(rootUrl() + contextPath);
    }
}
