package org.testfarm.client;

import java.nio.file.Path;
import java.util.List;

import org.testfarm.vcs.Change;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxRegistry;
import org.testfarm.vcs.UpdateResult;

/**
 * A sandbox given by its directory, opened on first use and, until that works,
 * on every use: a directory that is not (yet) a working copy fails each call
 * with the registry's {@link org.testfarm.vcs.SandboxException}, which the
 * runner reports as a failed Update Sandbox task, and the next cycle tries again.
 */
final class DeferredSandbox implements Sandbox {

    private final Path directory;
    private final SandboxRegistry registry;
    private final SandboxOptions options;
    private Sandbox opened;

    DeferredSandbox(Path directory, SandboxRegistry registry, SandboxOptions options) {
        this.directory = directory.toAbsolutePath().normalize();
        this.registry = registry;
        this.options = options;
    }

    private synchronized Sandbox sandbox() {
        if (opened == null) {
            opened = registry.open(directory, options);
        }
        return opened;
    }

    @Override
    public Path location() {
        return opened == null ? directory : opened.location();
    }

    @Override
    public String state() {
        return sandbox().state();
    }

    @Override
    public String remoteState() {
        return sandbox().remoteState();
    }

    @Override
    public List<String> pendingUpdates() {
        return sandbox().pendingUpdates();
    }

    @Override
    public List<Change> changeLog() {
        return sandbox().changeLog();
    }

    @Override
    public boolean hasPendingChanges() {
        return sandbox().hasPendingChanges();
    }

    @Override
    public UpdateResult update() {
        return sandbox().update();
    }
}
