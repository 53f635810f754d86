package org.testfarm.server.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.store.LogStore;
import org.testfarm.wire.ClientKey;

/**
 * {@code addclient LOGS PROJECT CLIENT [--legacy-unsigned]}: registers a client of
 * a project so it may report, and prints its key, once.
 */
@Command(name = "addclient", description = {"Register a client of a project and print its key (shown once:"
        + " put it in the client's configuration; 'rotate-key' issues a new one)."})
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

    @Option(names = "--legacy-unsigned", description = "Also take unsigned reports from this client,"
            + " as deployed v1 Python clients send them.")
    boolean legacyUnsigned;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClientRef ref = new ClientRef(project, client);
        try (LogStore store = logs.open()) {
            store.createClient(ref, Descriptions.of(description, brief));
        }
        KeyRing keys = KeyRing.of(logs.logs);
        if (legacyUnsigned) {
            keys.legacyUnsigned(ref, true);
        }
        ClientKey key = keys.rotate(ref);
        spec.commandLine().getOut().println("Added client " + client + " to project " + project
                + (legacyUnsigned ? " (it may also report unsigned)" : ""));
        RotateKeyCommand.printKey(spec.commandLine().getOut(), key);
        return 0;
    }
}
