package org.testfarm.store;

import org.testfarm.TestFarmException;

/** A client the admin has not registered in its project. */
public class ClientNotFoundException extends TestFarmException {

    private final String project;
    private final String client;

    public ClientNotFoundException(String project, String client) {
        super("client '" + client + "' of project '" + project + "' is not registered");
        this.project = project;
        this.client = client;
    }

    public String project() {
        return project;
    }

    public String client() {
        return client;
    }
}
