package org.testfarm.vcs.git;

import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;

/**
 * Where the current branch comes from: its configured upstream, or else
 * {@code origin/<branch>}; fetching it gives the newest upstream commit.
 */
final class GitUpstream {

    private static final String DEFAULT_REMOTE = Constants.DEFAULT_REMOTE_NAME;

    private final Path location;
    private final String remote;
    private final String remoteRef;
    private final String trackingRef;

    private GitUpstream(Path location, String remote, String remoteRef, String trackingRef) {
        this.location = location;
        this.remote = remote;
        this.remoteRef = remoteRef;
        this.trackingRef = trackingRef;
    }

    /** The upstream of the branch checked out in {@code repository}. */
    static GitUpstream of(Repository repository, Path location) {
        String fullBranch;
        try {
            fullBranch = repository.getFullBranch();
        } catch (java.io.IOException e) {
            throw GitFailure.ofLocal(location, "cannot read HEAD", e);
        }
        if (fullBranch == null || !fullBranch.startsWith(Constants.R_HEADS)) {
            throw new SandboxException(location, Reason.FAILED,
                    "HEAD is detached (at " + fullBranch + "); check out the branch to follow");
        }
        String branch = Repository.shortenRefName(fullBranch);
        BranchConfig config = new BranchConfig(repository.getConfig(), branch);
        String remote = config.getRemote();
        if (remote == null || config.isRemoteLocal()) {
            remote = DEFAULT_REMOTE;
        }
        String remoteRef = config.getMerge() != null ? config.getMerge() : fullBranch;
        String trackingRef = config.getRemote() != null && !config.isRemoteLocal()
                ? config.getRemoteTrackingBranch() : null;
        if (trackingRef == null) {
            trackingRef = Constants.R_REMOTES + remote + "/" + Repository.shortenRefName(remoteRef);
        }
        if (repository.getConfig().getString("remote", remote, "url") == null) {
            throw new SandboxException(location, Reason.UNREACHABLE_REMOTE,
                    "no remote named '" + remote + "' is configured for branch " + branch);
        }
        return new GitUpstream(location, remote, remoteRef, trackingRef);
    }

    /**
     * Fetches the upstream branch into its tracking ref.
     *
     * @return the newest upstream commit
     * @throws SandboxException when the remote cannot be reached or refuses the credentials
     */
    ObjectId fetch(Git git, GitTransport transport) {
        try {
            transport.configure(git.fetch()
                    .setRemote(remote)
                    .setRefSpecs(new RefSpec("+" + remoteRef + ":" + trackingRef)))
                    .call();
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("available for fetch")) {
                throw new SandboxException(location, Reason.FAILED,
                        "the remote '" + remote + "' has no " + remoteRef, e);
            }
            if (GitFailure.isTransport(e)) {
                throw GitFailure.ofTransport(location, e);
            }
            throw GitFailure.ofLocal(location, "fetching " + remoteRef + " from " + remote + " failed", e);
        }
        try {
            Ref fetched = git.getRepository().exactRef(trackingRef);
            if (fetched == null || fetched.getObjectId() == null) {
                throw new SandboxException(location, Reason.FAILED,
                        "the remote '" + remote + "' has no " + remoteRef);
            }
            return fetched.getObjectId();
        } catch (java.io.IOException e) {
            throw GitFailure.ofLocal(location, "cannot read " + trackingRef, e);
        }
    }

    @Override
    public String toString() {
        return remote + " " + remoteRef;
    }
}
