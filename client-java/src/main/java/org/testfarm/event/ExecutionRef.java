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

    @Override
    public String toString() {
        return project + "/" + client + "/" + execution;
    }
}
