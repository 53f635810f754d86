package org.testfarm.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.wire.ClientKey;

/**
 * {@code rotate-key LOGS PROJECT CLIENT}: gives a client a new key and prints it,
 * once; the old key stops working (within seconds on a running server).
 */
@Command(name = "rotate-key", description = {"Give a client a new key and print it (shown once);"
        + " its old key stops working within 5 seconds."})
final class RotateKeyCommand implements Callable<Integer> {

    @Mixin
    LogsOption logs;

    @Parameters(index = "1", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "2", paramLabel = "CLIENT")
    String client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClientKey key = KeyRing.of(logs.logs).rotate(new ClientRef(project, client));
        spec.commandLine().getOut().println("New key for client " + client + " of project " + project
                + "; the old one no longer works");
        printKey(spec.commandLine().getOut(), key);
        return 0;
    }

    /** The key, on a line of its own, and what to do with it: it is shown this once. */
    static void printKey(PrintWriter out, ClientKey key) {
        out.println("Key (shown once; put it in the client's configuration, see docs/java-client.md):");
        out.println(key.text());
    }
}
