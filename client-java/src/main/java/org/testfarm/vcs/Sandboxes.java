package org.testfarm.vcs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandboxes one client watches, asked and updated together, in the order
 * they were given. A failure of one sandbox is not hidden: it propagates as its
 * {@link SandboxException}, which names that sandbox.
 */
public final class Sandboxes {

    private final List<Sandbox> sandboxes;

    private Sandboxes(List<Sandbox> sandboxes) {
        this.sandboxes = List.copyOf(sandboxes);
    }

    public static Sandboxes of(List<? extends Sandbox> sandboxes) {
        return new Sandboxes(new ArrayList<>(sandboxes));
    }

    public static Sandboxes of(Sandbox... sandboxes) {
        return new Sandboxes(List.of(sandboxes));
    }

    /** Opens each directory with the provider the registry detects for it. */
    public static Sandboxes open(SandboxRegistry registry, List<Path> directories, SandboxOptions options) {
        List<Sandbox> opened = new ArrayList<>();
        for (Path directory : directories) {
            opened.add(registry.open(directory, options));
        }
        return new Sandboxes(opened);
    }

    public List<Sandbox> all() {
        return sandboxes;
    }

    /** True when at least one sandbox has pending changes. */
    public boolean hasPendingChanges() {
        for (Sandbox sandbox : sandboxes) {
            if (sandbox.hasPendingChanges()) {
                return true;
            }
        }
        return false;
    }

    /** The sandboxes that have pending changes. */
    public List<Sandbox> withPendingChanges() {
        List<Sandbox> pending = new ArrayList<>();
        for (Sandbox sandbox : sandboxes) {
            if (sandbox.hasPendingChanges()) {
                pending.add(sandbox);
            }
        }
        return List.copyOf(pending);
    }

    /** The pending changes of every sandbox, by location (empty lists included). */
    public Map<Path, List<Change>> changeLogs() {
        Map<Path, List<Change>> logs = new LinkedHashMap<>();
        for (Sandbox sandbox : sandboxes) {
            logs.put(sandbox.location(), sandbox.changeLog());
        }
        return logs;
    }

    /** Updates every sandbox; the results by location. */
    public Map<Path, UpdateResult> update() {
        Map<Path, UpdateResult> results = new LinkedHashMap<>();
        for (Sandbox sandbox : sandboxes) {
            results.put(sandbox.location(), sandbox.update());
        }
        return results;
    }
}
