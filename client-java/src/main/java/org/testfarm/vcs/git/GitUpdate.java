package org.testfarm.vcs.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.StashApplyFailureException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.UpdateResult;

/**
 * One update of a Git sandbox to a fetched upstream commit: restore missing
 * tracked files, stash local edits of tracked files, fast-forward or merge,
 * re-apply the stash. Whatever conflicts is reported, and the stash is then kept
 * ({@code git stash list} shows it), so no local edit is ever lost; the result's
 * note, or the failure's message, names the stash and says how to get the edits
 * back. An update that fails half-way puts the working copy back as it was
 * before, local edits included, when it can.
 */
final class GitUpdate {

    /** How the messages of the stashes TestFarm makes begin. */
    static final String STASH_MESSAGE = "TestFarm: local edits kept while updating to ";

    private final Path location;
    private final Git git;
    private final Repository repository;

    GitUpdate(Path location, Git git) {
        this.location = location;
        this.git = git;
        this.repository = git.getRepository();
    }

    UpdateResult call(ObjectId upstream) {
        ObjectId head = null;
        RevCommit stash = null;
        try {
            if (repository.getRepositoryState() != RepositoryState.SAFE) {
                throw new SandboxException(location, Reason.FAILED, "it is in the middle of "
                        + repository.getRepositoryState().getDescription()
                        + "; finish or abort that by hand first" + keptStashes());
            }
            head = repository.resolve(Constants.HEAD);
            if (head == null) {
                throw new SandboxException(location, Reason.FAILED, "its branch has no commit yet");
            }
            restoreMissingFiles();
            if (contains(head, upstream)) {
                return new UpdateResult(head.name(), head.name(), List.of());
            }
            stash = git.stashCreate()
                    .setIncludeUntracked(false)
                    .setWorkingDirectoryMessage(STASH_MESSAGE + upstream.name())
                    .call();
            MergeResult merge = git.merge()
                    .include(upstream)
                    .setFastForward(FastForwardMode.FF)
                    .setCommit(true)
                    .setMessage("TestFarm: merge upstream " + upstream.name())
                    .call();
            List<String> conflicts = mergeConflicts(merge);
            String note = null;
            if (stash != null && merge.getMergeStatus() == MergeResult.MergeStatus.CONFLICTING) {
                note = "Local edits of tracked files were stashed before the merge, which conflicts;"
                        + " they are kept in " + stashName(stash) + ". Resolve the conflicts and commit (or give"
                        + " up the merge with `git merge --abort`), then get them back with `git stash pop`.";
            } else if (stash != null) {
                List<String> unapplied = reapply(stash);
                if (!unapplied.isEmpty()) {
                    conflicts.addAll(unapplied);
                    note = "Local edits of tracked files conflict with the update; they are kept in "
                            + stashName(stash) + ", and " + String.join(", ", sorted(unapplied))
                            + " hold conflict markers. Resolve them, then drop the stash with `git stash drop`;"
                            + " `git stash show -p` shows the edits as they were.";
                }
            }
            return new UpdateResult(head.name(), repository.resolve(Constants.HEAD).name(), sorted(conflicts), note);
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (stash == null) {
                throw GitFailure.ofLocal(location, "the update failed", e);
            }
            throw new SandboxException(location, Reason.FAILED, "the update failed: " + GitFailure.detail(e)
                    + "; " + putBack(head, stash), e);
        }
    }

    /**
     * After a failure once local edits were stashed: resets the working copy to
     * {@code head} and re-applies the stash, saying what became of the edits.
     */
    private String putBack(ObjectId head, RevCommit stash) {
        String kept = stashName(stash);
        try {
            git.reset().setMode(ResetType.HARD).setRef(head.name()).call();
            git.stashApply().setStashRef(stash.name()).call();
            drop(stash);
            return "the working copy is back at " + head.name() + " with its local edits, as before the update";
        } catch (GitAPIException | RuntimeException e) {
            return "local edits of tracked files were stashed before the merge and are kept in " + kept
                    + "; get them back with `git reset --hard " + head.name() + "` then `git stash pop`"
                    + " (putting them back failed: " + GitFailure.detail(e) + ")";
        }
    }

    /** {@code stash@{n} ("message")}, as {@code git stash list} shows the stash. */
    private String stashName(RevCommit stash) {
        int index = stashIndex(stash);
        String ref = index < 0 ? stash.name() : "stash@{" + index + "}";
        return ref + " (\"" + stash.getShortMessage() + "\")";
    }

    /** Where the stashes TestFarm made earlier are, for a message about a sandbox a person must see to. */
    private String keptStashes() {
        try {
            List<String> kept = new ArrayList<>();
            int index = 0;
            for (RevCommit entry : git.stashList().call()) {
                if (entry.getShortMessage().contains(STASH_MESSAGE)) {
                    kept.add("stash@{" + index + "} (\"" + entry.getShortMessage() + "\")");
                }
                index++;
            }
            return kept.isEmpty() ? "" : "; local edits TestFarm stashed are kept in " + String.join(", ", kept)
                    + ": get them back with `git stash pop` once that is done";
        } catch (GitAPIException | RuntimeException e) {
            return "";
        }
    }

    private void restoreMissingFiles() throws GitAPIException {
        Set<String> missing = git.status().call().getMissing();
        if (!missing.isEmpty()) {
            git.checkout().addPaths(new ArrayList<>(missing)).call();
        }
    }

    private boolean contains(ObjectId head, ObjectId upstream) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(upstream), walk.parseCommit(head));
        }
    }

    /** Paths the merge left in conflict, or could not touch (for instance an untracked file in the way). */
    private static List<String> mergeConflicts(MergeResult merge) {
        List<String> paths = new ArrayList<>();
        switch (merge.getMergeStatus()) {
            case CONFLICTING -> paths.addAll(merge.getConflicts().keySet());
            case FAILED -> paths.addAll(merge.getFailingPaths().keySet());
            case CHECKOUT_CONFLICT -> paths.addAll(merge.getCheckoutConflicts());
            default -> {
                if (!merge.getMergeStatus().isSuccessful()) {
                    throw new IllegalStateException("merge ended " + merge.getMergeStatus());
                }
            }
        }
        return paths;
    }

    /** Applies the stash; drops it only when it applied cleanly. Returns the conflicting paths. */
    private List<String> reapply(RevCommit stash) throws GitAPIException, IOException {
        try {
            git.stashApply().setStashRef(stash.name()).call();
        } catch (StashApplyFailureException e) {
            Set<String> conflicting = git.status().call().getConflicting();
            return new ArrayList<>(conflicting.isEmpty() ? changedBy(stash) : conflicting);
        }
        drop(stash);
        return List.of();
    }

    private void drop(RevCommit stash) throws GitAPIException {
        int index = stashIndex(stash);
        if (index >= 0) {
            git.stashDrop().setStashRef(index).call();
        }
    }

    /** The stash's place in {@code git stash list} (0 is the newest), or -1. */
    private int stashIndex(RevCommit stash) {
        try {
            Collection<RevCommit> stashes = git.stashList().call();
            int index = 0;
            for (RevCommit entry : stashes) {
                if (entry.equals(stash)) {
                    return index;
                }
                index++;
            }
        } catch (GitAPIException e) {
            return -1;
        }
        return -1;
    }

    /** The paths a stash commit changes compared with the commit it was made on. */
    private List<String> changedBy(RevCommit stash) throws IOException {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit parsed = walk.parseCommit(stash);
            tree.addTree(walk.parseCommit(parsed.getParent(0)).getTree());
            tree.addTree(parsed.getTree());
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }

    private static List<String> sorted(List<String> paths) {
        return List.copyOf(new TreeSet<>(paths));
    }
}
