package org.testfarm.vcs;

import java.nio.file.Path;

/**
 * A kind of version control, found with {@link java.util.ServiceLoader}: list
 * implementations in {@code META-INF/services/org.testfarm.vcs.SandboxProvider}.
 * Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface SandboxProvider {

    /** The short name configurations use, such as {@code git} or {@code svn}. */
    String name();

    /** True when {@code directory} is the top of a working copy of this kind. */
    boolean recognizes(Path directory);

    /**
     * Opens the working copy at {@code directory}.
     *
     * @throws SandboxException when it is not a working copy of this kind
     */
    Sandbox open(Path directory, SandboxOptions options);
}
