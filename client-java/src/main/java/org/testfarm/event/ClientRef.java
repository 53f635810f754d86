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

    // written out, as ExecutionRef's: a record's own go through method handles

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ClientRef that && client.equals(that.client)
                && project.equals(that.project);
    }

    @Override
    public int hashCode() {
        return project.hashCode() * 31 + client.hashCode();
    }

    @Override
    public String toString() {
        return project + "/" + client;
    }
}
