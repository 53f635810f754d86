package org.testfarm.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.event.ClientRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.store.LogStore;

/**
 * {@code meta LOGS PROJECT [CLIENT] [--set KEY VALUE]... [--unset KEY]...
 * [--legacy-unsigned true|false]}: shows or changes the metadata of a project or
 * client, and whether a client may report unsigned (every client of the project
 * when no client is named).
 */
@Command(name = "meta", description = "Show or change the metadata of a project or a client.")
final class MetaCommand implements Callable<Integer> {

    @Mixin
    LogsOption logs;

    @Parameters(index = "1", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "2", paramLabel = "CLIENT", arity = "0..1")
    String client;

    @Option(names = "--set", arity = "2", paramLabel = "KEY VALUE", description = "Set KEY to the text VALUE.")
    String[] set = new String[0];

    @Option(names = "--unset", paramLabel = "KEY", description = "Remove KEY.")
    String[] unset = new String[0];

    @Option(names = "--legacy-unsigned", arity = "1", paramLabel = "true|false",
            description = "Whether the client may report unsigned, as v1 Python clients do;"
                    + " without CLIENT, for every client of PROJECT.")
    Boolean legacyUnsigned;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < set.length; i += 2) {
            changes.put(set[i], set[i + 1]);
        }
        for (String key : unset) {
            changes.put(key, null);
        }
        if (legacyUnsigned != null) {
            markLegacy();
            if (changes.isEmpty()) {
                return 0;
            }
        }
        try (LogStore store = logs.open()) {
            Map<String, Object> meta;
            if (client == null) {
                meta = changes.isEmpty() ? store.projectMeta(project) : store.updateProjectMeta(project, changes);
                if (changes.isEmpty() && !store.hasProject(project)) {
                    throw new org.testfarm.store.ProjectNotFoundException(project);
                }
            } else {
                ClientRef ref = new ClientRef(project, client);
                if (!store.hasClient(ref)) {
                    throw new org.testfarm.store.ClientNotFoundException(project, client);
                }
                meta = changes.isEmpty() ? store.clientMeta(ref) : store.updateClientMeta(ref, changes);
            }
            spec.commandLine().getOut().println(PyLiteral.format(new LinkedHashMap<Object, Object>(meta)));
        }
        return 0;
    }

    private void markLegacy() {
        List<String> clients;
        try (LogStore store = logs.open()) {
            if (!store.hasProject(project)) {
                throw new org.testfarm.store.ProjectNotFoundException(project);
            }
            clients = client != null ? List.of(client) : store.clients(project);
        }
        KeyRing keys = KeyRing.of(logs.logs);
        for (String name : clients) {
            keys.legacyUnsigned(new ClientRef(project, name), legacyUnsigned);
            spec.commandLine().getOut().println("Client " + name + " of project " + project
                    + (legacyUnsigned ? " may report unsigned" : " must sign its reports"));
        }
    }
}
