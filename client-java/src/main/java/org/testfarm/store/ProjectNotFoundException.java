package org.testfarm.store;

import org.testfarm.TestFarmException;

/** A project the admin has not registered. */
public class ProjectNotFoundException extends TestFarmException {

    private final String project;

    public ProjectNotFoundException(String project) {
        super("project '" + project + "' is not registered");
        this.project = project;
    }

    public String project() {
        return project;
    }
}
