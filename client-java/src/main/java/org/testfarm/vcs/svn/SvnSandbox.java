package org.testfarm.vcs.svn;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;
import org.testfarm.vcs.WorkingCopy;
import org.tmatesoft.svn.core.SVNDepth;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNLogEntry;
import org.tmatesoft.svn.core.wc.SVNInfo;
import org.tmatesoft.svn.core.wc.SVNRevision;
import org.tmatesoft.svn.core.wc.SVNStatus;
import org.tmatesoft.svn.core.wc.SVNStatusType;

/**
 * A Subversion working copy, handled with SVNKit (no {@code svn} program
 * needed); its URL may be file://, svn://, http:// or https://. Revisions are
 * numbers as strings. Each call opens its own SVNKit client and disposes of it.
 */
public final class SvnSandbox extends WorkingCopy {

    private SvnSandbox(Path location, SandboxOptions options) {
        super(location, options);
    }

    /**
     * Opens the working copy at {@code location}.
     *
     * @throws SandboxException when it is not a Subversion working copy
     */
    public static SvnSandbox open(Path location, SandboxOptions options) {
        SvnSandbox sandbox = new SvnSandbox(location, options);
        sandbox.state();
        return sandbox;
    }

    /** The revision of the working copy's top directory ({@code svn info}). */
    @Override
    public String state() {
        return Long.toString(info().getRevision().getNumber());
    }

    /** The youngest revision of the repository ({@code svn info -r HEAD}). */
    @Override
    public String remoteState() {
        SVNInfo local = info();
        try (SvnSession session = new SvnSession(options)) {
            return Long.toString(youngest(session, local));
        } catch (SVNException e) {
            throw SvnFailure.of(location, "cannot ask the repository for HEAD", e);
        }
    }

    /** {@code svn log -r BASE:HEAD} without BASE itself, oldest first. */
    @Override
    public List<Change> changeLog() {
        SVNInfo local = info();
        long base = local.getRevision().getNumber();
        List<Change> changes = new ArrayList<>();
        try (SvnSession session = new SvnSession(options)) {
            long head = youngest(session, local);
            if (head <= base) {
                return List.of();
            }
            session.clients().getLogClient().doLog(local.getURL(), new String[] {""}, SVNRevision.HEAD,
                    SVNRevision.create(base + 1), SVNRevision.create(head), false, false, 0,
                    entry -> changes.add(change(entry)));
        } catch (SVNException e) {
            throw SvnFailure.of(location, "cannot read the log", e);
        }
        return List.copyOf(changes);
    }

    /** {@code svn status -u}: something changed upstream, or a versioned file is missing. */
    @Override
    public boolean hasPendingChanges() {
        boolean[] pending = {false};
        try (SvnSession session = new SvnSession(options)) {
            session.clients().getStatusClient().doStatus(location.toFile(), SVNRevision.HEAD,
                    SVNDepth.INFINITY, true, false, false, false, status -> {
                        if (isRemotelyChanged(status) || status.getNodeStatus() == SVNStatusType.STATUS_MISSING) {
                            pending[0] = true;
                        }
                    }, null);
        } catch (SVNException e) {
            throw SvnFailure.of(location, "cannot read the status", e);
        }
        return pending[0];
    }

    /**
     * {@code svn update} with conflicts postponed: the conflicting paths (text,
     * property or tree conflicts) are in the result, and the working copy keeps
     * both sides for a person to resolve. Missing files are restored.
     */
    @Override
    public UpdateResult update() {
        String before = state();
        try (SvnSession session = new SvnSession(options)) {
            long after = session.clients().getUpdateClient()
                    .doUpdate(location.toFile(), SVNRevision.HEAD, SVNDepth.INFINITY, false, false);
            return new UpdateResult(before, Long.toString(after), conflicts(session));
        } catch (SVNException e) {
            throw SvnFailure.of(location, "the update failed", e);
        }
    }

    private List<String> conflicts(SvnSession session) throws SVNException {
        TreeSet<String> paths = new TreeSet<>();
        session.clients().getStatusClient().doStatus(location.toFile(), SVNRevision.WORKING,
                SVNDepth.INFINITY, false, false, false, false, status -> {
                    if (status.isConflicted()) {
                        paths.add(relative(status.getFile()));
                    }
                }, null);
        return List.copyOf(paths);
    }

    private static long youngest(SvnSession session, SVNInfo local) throws SVNException {
        return session.clients().createRepository(local.getRepositoryRootURL(), true).getLatestRevision();
    }

    private static boolean isRemotelyChanged(SVNStatus status) {
        return changed(status.getRemoteNodeStatus()) || changed(status.getRemoteContentsStatus())
                || changed(status.getRemotePropertiesStatus());
    }

    private static boolean changed(SVNStatusType type) {
        return type != null && type != SVNStatusType.STATUS_NONE && type != SVNStatusType.STATUS_NORMAL;
    }

    private static Change change(SVNLogEntry entry) {
        return new Change(Long.toString(entry.getRevision()),
                entry.getAuthor() == null ? "" : entry.getAuthor(),
                entry.getMessage() == null ? "" : entry.getMessage());
    }

    private String relative(File file) {
        String path = location.relativize(file.toPath().toAbsolutePath().normalize()).toString();
        return path.replace(File.separatorChar, '/');
    }

    private SVNInfo info() {
        requireDirectory();
        try (SvnSession session = new SvnSession(options)) {
            return session.clients().getWCClient().doInfo(location.toFile(), SVNRevision.WORKING);
        } catch (SVNException e) {
            throw SvnFailure.of(location, "cannot read the working copy", e);
        }
    }
}
