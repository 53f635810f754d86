package org.testfarm.server.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.event.ClientRef;
import org.testfarm.store.LogStore;

/** {@code addclient LOGS PROJECT CLIENT}: registers a client of a project so it may report. */
@Command(name = "addclient", description = "Register a client of a project.")
final class AddClientCommand implements Callable<Integer> {

    @Mixin
    LogsOption logs;

    @Parameters(index = "1", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "2", paramLabel = "CLIENT")
    String client;

    @Option(names = "--description", description = "Long description (HTML allowed).")
    String description;

    @Option(names = "--brief", description = "Brief description (HTML allowed).")
    String brief;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LogStore store = logs.open()) {
            store.createClient(new ClientRef(project, client), Descriptions.of(description, brief));
        }
        spec.commandLine().getOut().println("Added client " + client + " to project " + project);
        return 0;
    }
}
