package org.testfarm.vcs.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;
import org.testfarm.vcs.WorkingCopy;

/**
 * A Git working copy, handled with JGit (no {@code git} program needed). It
 * follows the upstream of the branch checked out; every question about the
 * remote fetches first. The repository is opened per call, so a sandbox holds
 * no files open between calls.
 */
public final class GitSandbox extends WorkingCopy {

    private GitSandbox(Path location, SandboxOptions options) {
        super(location, options);
    }

    /**
     * Opens the working copy at {@code location}.
     *
     * @throws SandboxException when it is not a Git working copy
     */
    public static GitSandbox open(Path location, SandboxOptions options) {
        GitSandbox sandbox = new GitSandbox(location, options);
        sandbox.repository().close();
        return sandbox;
    }

    /** The full SHA-1 of HEAD; empty when the branch has no commit yet. */
    @Override
    public String state() {
        try (Repository repository = repository()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            return head == null ? "" : head.name();
        } catch (IOException e) {
            throw GitFailure.ofLocal(location, "cannot read HEAD", e);
        }
    }

    @Override
    public String remoteState() {
        try (Repository repository = repository(); Git git = Git.wrap(repository);
                GitTransport transport = new GitTransport(options)) {
            return GitUpstream.of(git.getRepository(), location).fetch(git, transport).name();
        }
    }

    @Override
    public List<Change> changeLog() {
        List<Change> changes = new ArrayList<>();
        for (RevCommit commit : pendingCommits()) {
            PersonIdent author = commit.getAuthorIdent();
            changes.add(new Change(commit.name(),
                    author.getName() + " <" + author.getEmailAddress() + ">", commit.getFullMessage()));
        }
        return List.copyOf(changes);
    }

    @Override
    public boolean hasPendingChanges() {
        return !pendingCommits().isEmpty() || !missingFiles().isEmpty();
    }

    /**
     * Fetches, then fast-forwards or merges the upstream branch. Local edits of
     * tracked files are stashed first and re-applied after; when they, or the
     * merge, conflict, the conflicting paths are in the result and the stash is
     * kept. Tracked files missing locally are restored.
     */
    @Override
    public UpdateResult update() {
        try (Repository repository = repository(); Git git = Git.wrap(repository);
                GitTransport transport = new GitTransport(options)) {
            GitUpstream upstream = GitUpstream.of(git.getRepository(), location);
            return new GitUpdate(location, git).call(upstream.fetch(git, transport));
        }
    }

    /** Tracked files that are gone from the working tree, relative paths. */
    private List<String> missingFiles() {
        try (Repository repository = repository(); Git git = Git.wrap(repository)) {
            return List.copyOf(new TreeSet<>(git.status().call().getMissing()));
        } catch (Exception e) {
            throw GitFailure.ofLocal(location, "cannot read the status", e);
        }
    }

    private List<RevCommit> pendingCommits() {
        try (Repository repository = repository(); Git git = Git.wrap(repository);
                GitTransport transport = new GitTransport(options)) {
            ObjectId fetched = GitUpstream.of(repository, location).fetch(git, transport);
            return commitsBetween(repository, repository.resolve(Constants.HEAD), fetched);
        } catch (IOException e) {
            throw GitFailure.ofLocal(location, "cannot walk the history", e);
        }
    }

    /** Commits reachable from {@code newest} and not from {@code head}, oldest first. */
    static List<RevCommit> commitsBetween(Repository repository, ObjectId head, ObjectId newest)
            throws IOException {
        List<RevCommit> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(newest));
            if (head != null) {
                walk.markUninteresting(walk.parseCommit(head));
            }
            for (RevCommit commit : walk) {
                commits.add(commit);
            }
        }
        return commits;
    }

    private Repository repository() {
        requireDirectory();
        try {
            return new FileRepositoryBuilder()
                    .setWorkTree(location.toFile())
                    .setMustExist(true)
                    .build();
        } catch (RepositoryNotFoundException e) {
            throw new SandboxException(location, Reason.NOT_A_WORKING_COPY,
                    "there is no Git repository (.git) in it", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxException(location, Reason.NOT_A_WORKING_COPY,
                    "its Git repository cannot be opened: " + e.getMessage(), e);
        }
    }
}
