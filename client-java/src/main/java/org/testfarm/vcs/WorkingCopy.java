package org.testfarm.vcs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testfarm.vcs.SandboxException.Reason;

/**
 * What the shipped sandboxes have in common: a working copy at an absolute,
 * normalized directory, the options it was opened with, and the pending
 * revisions read off the change log. A plug-in may extend it or implement
 * {@link Sandbox} directly.
 */
public abstract class WorkingCopy implements Sandbox {

    /** The top directory of the working copy, absolute and normalized. */
    protected final Path location;
    /** The options the sandbox was opened with (credentials, trust). */
    protected final SandboxOptions options;

    protected WorkingCopy(Path location, SandboxOptions options) {
        this.location = location.toAbsolutePath().normalize();
        this.options = options;
    }

    @Override
    public final Path location() {
        return location;
    }

    /** The revisions of {@link #changeLog()}, in its order. */
    @Override
    public List<String> pendingUpdates() {
        List<String> revisions = new ArrayList<>();
        for (Change change : changeLog()) {
            revisions.add(change.revision());
        }
        return List.copyOf(revisions);
    }

    /**
     * Checks that the working copy's directory is there.
     *
     * @throws SandboxException ({@link Reason#NOT_A_WORKING_COPY}) when it is not
     */
    protected final void requireDirectory() {
        if (!Files.isDirectory(location)) {
            throw new SandboxException(location, Reason.NOT_A_WORKING_COPY, "there is no such directory");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location + "]";
    }
}
