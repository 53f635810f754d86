package org.testfarm.server.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.store.LogStore;
import org.testfarm.wire.WireMethod;

/** {@code addproject LOGS PROJECT}: registers a project so its clients may report. */
@Command(name = "addproject", description = "Register a project.")
final class AddProjectCommand implements Callable<Integer> {

    @Mixin
    LogsOption logs;

    @Parameters(index = "1", paramLabel = "PROJECT")
    String project;

    @Option(names = "--description", description = "Long description (HTML allowed).")
    String description;

    @Option(names = "--brief", description = "Brief description (HTML allowed).")
    String brief;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (WireMethod.isReserved(project)) {
            throw new IllegalArgumentException("'" + project + "' is reserved by the wire protocol; choose another name");
        }
        try (LogStore store = logs.open()) {
            store.createProject(project, Descriptions.of(description, brief));
        }
        spec.commandLine().getOut().println("Added project " + project);
        return 0;
    }
}
