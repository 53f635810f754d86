package org.testfarm.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testfarm.console.ConsoleListener;
import org.testfarm.event.FarmListener;
import org.testfarm.runner.Runner;
import org.testfarm.runner.StateDirectory;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxRegistry;
import org.testfarm.wire.RemoteLogger;

/**
 * What one run of a {@link FarmClient} opens: its sandboxes, its listeners (the
 * console, the local log tree, the remote logger) and the {@link Runner}; closed
 * when the run ends.
 */
final class ClientRun implements AutoCloseable {

    private final Runner runner;
    private final LogStore local;
    private final RemoteLogger remote;

    private ClientRun(Runner runner, LogStore local, RemoteLogger remote) {
        this.runner = runner;
        this.local = local;
        this.remote = remote;
    }

    static ClientRun open(FarmClient definition) {
        ClientConfig config = definition.config;
        StateDirectory state = definition.state();
        Runner runner = new Runner(definition.client)
                .plan(definition::plan)
                .idlePeriod(definition.idle)
                .executionIds(definition.ids())
                .stateDirectory(state)
                .environment(definition.environment)
                .warnings(definition.warnings)
                .shutdownHook(definition.shutdownHook)
                .sandboxes(sandboxes(definition))
                .checkingCommand(Template.fill(definition.checkingCommand, config, "the checking command"));
        definition.plan(); // unknown placeholders fail now, before anything is opened
        if (definition.console != null) {
            runner.listener(new ConsoleListener(definition.console));
        }
        LogStore local = null;
        RemoteLogger remote = null;
        try {
            if (definition.localLogs != null) {
                local = LogStore.open(definition.localLogs, StoreOptions.defaults().withAutoRegister(true));
                runner.listener(local);
            }
            if (definition.remote != null) {
                String url = Template.fill(definition.remote, config, "the server URL");
                remote = new RemoteLogger(url, state.spool()).warnings(definition.warnings);
                KeySource.find(definition.key, config, System.getenv()).ifPresent(remote::key);
                runner.listener(remote);
            }
        } catch (RuntimeException e) {
            if (local != null) {
                local.close();
            }
            throw e;
        }
        definition.listeners.forEach(runner::listener);
        return new ClientRun(runner, local, remote);
    }

    private static List<Sandbox> sandboxes(FarmClient definition) {
        List<Sandbox> sandboxes = new ArrayList<>(definition.sandboxes);
        if (definition.sandboxPaths.isEmpty()) {
            return sandboxes;
        }
        SandboxRegistry registry = definition.sandboxRegistry != null ? definition.sandboxRegistry
                : SandboxRegistry.installed();
        SandboxOptions options = definition.sandboxOptions != null ? definition.sandboxOptions
                : SandboxOptions.fromMap(definition.config.section("sandbox."));
        for (String template : definition.sandboxPaths) {
            Path directory = Path.of(Template.fill(template, definition.config, "sandbox '" + template + "'"));
            sandboxes.add(new DeferredSandbox(directory, registry, options));
        }
        return sandboxes;
    }

    Runner runner() {
        return runner;
    }

    @Override
    public void close() {
        try {
            if (remote != null) {
                remote.close();
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }
}
