package org.testfarm.vcs;

import java.nio.file.Path;
import java.util.List;

/**
 * A working copy that a client watches: it tells whether upstream has moved on,
 * who moved it, and brings itself up to date without losing local edits.
 *
 * <p>Revisions are plain strings: full SHA-1s for Git, revision numbers for
 * Subversion. Every method that talks to the remote does so on each call, so
 * the answers are always fresh. Failures of the machinery (not a working copy,
 * unreachable remote, bad credentials) are {@link SandboxException}s; conflicts
 * during an update are not failures, they are part of the {@link UpdateResult}.
 */
public interface Sandbox {

    /** The directory of the working copy. */
    Path location();

    /** The revision the working copy is at. */
    String state();

    /** The newest revision upstream. */
    String remoteState();

    /** Revisions upstream that the working copy does not have yet, oldest first. */
    List<String> pendingUpdates();

    /** The changes behind {@link #pendingUpdates()}, oldest first. */
    List<Change> changeLog();

    /**
     * True when upstream has revisions the working copy lacks, or when files the
     * version control tracks are missing locally (an update restores them).
     */
    boolean hasPendingChanges();

    /** Brings the working copy up to date, keeping local edits; conflicts are reported. */
    UpdateResult update();
}
