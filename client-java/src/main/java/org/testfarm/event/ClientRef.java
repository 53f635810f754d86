package org.testfarm.event;

import java.util.Objects;

/** A client of a project: the unit that reports executions and idle periods. */
public record ClientRef(String project, String client) {

    public ClientRef {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(client, "client");
    }

    public ExecutionRef execution(String execution) {
        return new ExecutionRef(project, client, execution);
    }

    @Override
    public String toString() {
        return project + "/" + client;
    }
}
