package org.testfarm.vcs;

import java.util.List;
import java.util.Objects;

/**
 * What an update did. Conflicts are a result, not a failure: the working copy
 * keeps both sides (conflict markers, and for Git the stash is kept) so nothing
 * local is lost.
 *
 * @param oldRevision the revision before the update
 * @param newRevision the revision after it (equal to {@code oldRevision} when nothing came in)
 * @param conflicts   paths, relative to the sandbox, that need a person's attention
 * @param note        what a person should know about the working copy, or null: for
 *                    Git, where local edits the update could not re-apply are kept
 *                    and how to get them back
 */
public record UpdateResult(String oldRevision, String newRevision, List<String> conflicts, String note) {

    public UpdateResult {
        Objects.requireNonNull(oldRevision, "oldRevision");
        Objects.requireNonNull(newRevision, "newRevision");
        conflicts = List.copyOf(conflicts);
    }

    /** An update with nothing more to say than its revisions and conflicts. */
    public UpdateResult(String oldRevision, String newRevision, List<String> conflicts) {
        this(oldRevision, newRevision, conflicts, null);
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public boolean changed() {
        return !oldRevision.equals(newRevision);
    }
}
