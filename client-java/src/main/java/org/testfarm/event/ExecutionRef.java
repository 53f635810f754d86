package org.testfarm.event;

import java.util.Objects;

/** One execution of a client of a project; passed around instead of three strings. */
public record ExecutionRef(String project, String client, String execution) {

    public ExecutionRef {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(execution, "execution");
    }

    public ClientRef clientRef() {
        return new ClientRef(project, client);
    }

    // written out: a record's own equals and hashCode go through method handles, slow
    // before the JIT's last tier, and an execution is looked up in maps all the time

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ExecutionRef that && execution.equals(that.execution)
                && client.equals(that.client) && project.equals(that.project);
    }

    @Override
    public int hashCode() {
        return (project.hashCode() * 31 + client.hashCode()) * 31 + execution.hashCode();
    }

    @Override
    public String toString() {
        return project + "/" + client + "/" + execution;
    }
}
