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
 * ({@code git stash list} shows it), so no local edit is ever lost.
 */
final class GitUpdate {

    private final Path location;
    private final Git git;
    private final Repository repository;

    GitUpdate(Path location, Git git) {
        this.location = location;
        this.git = git;
        this.repository = git.getRepository();
    }

    UpdateResult call(ObjectId upstream) {
        try {
            if (repository.getRepositoryState() != RepositoryState.SAFE) {
                throw new SandboxException(location, Reason.FAILED, "it is in the middle of "
                        + repository.getRepositoryState().getDescription()
                        + "; finish or abort that by hand first");
            }
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                throw new SandboxException(location, Reason.FAILED, "its branch has no commit yet");
            }
            restoreMissingFiles();
            if (contains(head, upstream)) {
                return new UpdateResult(head.name(), head.name(), List.of());
            }
            RevCommit stash = git.stashCreate()
                    .setIncludeUntracked(false)
                    .setWorkingDirectoryMessage("TestFarm: local edits kept while updating to " + upstream.name())
                    .call();
            MergeResult merge = git.merge()
                    .include(upstream)
                    .setFastForward(FastForwardMode.FF)
                    .setCommit(true)
                    .setMessage("TestFarm: merge upstream " + upstream.name())
                    .call();
            List<String> conflicts = mergeConflicts(merge);
            if (merge.getMergeStatus() != MergeResult.MergeStatus.CONFLICTING && stash != null) {
                conflicts.addAll(reapply(stash));
            }
            return new UpdateResult(head.name(), repository.resolve(Constants.HEAD).name(), sorted(conflicts));
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw GitFailure.ofLocal(location, "the update failed", e);
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
        Collection<RevCommit> stashes = git.stashList().call();
        int index = 0;
        for (RevCommit entry : stashes) {
            if (entry.equals(stash)) {
                git.stashDrop().setStashRef(index).call();
                return;
            }
            index++;
        }
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
