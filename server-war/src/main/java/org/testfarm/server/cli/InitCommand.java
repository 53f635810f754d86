package org.testfarm.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.server.auth.KeyRing;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** {@code init LOGS}: creates an empty log tree, or checks that an existing one is usable. */
@Command(name = "init", description = "Create a log directory (an existing upstream one is used as it is).")
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOGS", description = "The log directory to create.")
    Path logs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean existed = Files.isDirectory(logs);
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            spec.commandLine().getOut().println((existed ? "Using " : "Created ") + store.root() + " ("
                    + store.projects().size() + " projects)");
        }
        KeyRing.of(logs); // the master key clients' keys derive from, made now if the tree has none
        return 0;
    }
}
