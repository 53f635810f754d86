package org.testfarm.jython.world;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.tmatesoft.svn.core.SVNDepth;
import org.tmatesoft.svn.core.SVNNodeKind;
import org.tmatesoft.svn.core.SVNURL;
import org.tmatesoft.svn.core.auth.BasicAuthenticationManager;
import org.tmatesoft.svn.core.internal.io.fs.FSRepositoryFactory;
import org.tmatesoft.svn.core.io.ISVNEditor;
import org.tmatesoft.svn.core.io.SVNRepository;
import org.tmatesoft.svn.core.io.SVNRepositoryFactory;
import org.tmatesoft.svn.core.io.diff.SVNDeltaGenerator;
import org.tmatesoft.svn.core.wc.SVNClientManager;
import org.tmatesoft.svn.core.wc.SVNRevision;
import org.tmatesoft.svn.core.wc.SVNWCUtil;

/**
 * A real Subversion world made with SVNKit: an FSFS repository reached through
 * a file:// URL whose r1, r2 ("second: add b") and r3 ("third: add c") are by
 * {@code dev}, and a {@code sandbox} working copy at r1.
 */
public final class SvnWorld {

    public final Path repository;
    public final SVNURL url;
    public final Path sandbox;

    private SvnWorld(Path repository, SVNURL url, Path sandbox) {
        this.repository = repository;
        this.url = url;
        this.sandbox = sandbox;
    }

    public static SvnWorld atRevisionOneOfThree(Path root) throws Exception {
        FSRepositoryFactory.setup();
        Path repository = root.resolve("repo");
        SVNURL url = SVNRepositoryFactory.createLocalRepository(repository.toFile(), true, false);
        SvnWorld world = new SvnWorld(repository, url, root.resolve("sandbox"));
        world.commit("a.txt", "a\n", "first: add a");
        SVNClientManager clients = SVNClientManager.newInstance(SVNWCUtil.createDefaultOptions(true), dev());
        try {
            clients.getUpdateClient().doCheckout(url, world.sandbox.toFile(), SVNRevision.create(1),
                    SVNRevision.create(1), SVNDepth.INFINITY, false);
        } finally {
            clients.dispose();
        }
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        return world;
    }

    /** Dev appends {@code line} to {@code file} straight in the repository; returns the new revision. */
    public long commit(String file, String line, String message) throws Exception {
        SVNRepository remote = SVNRepositoryFactory.create(url);
        try {
            remote.setAuthenticationManager(dev());
            boolean exists = remote.checkPath(file, -1) == SVNNodeKind.FILE;
            ByteArrayOutputStream before = new ByteArrayOutputStream();
            if (exists) {
                remote.getFile(file, -1, null, before);
            }
            byte[] after = (before.toString(StandardCharsets.UTF_8) + line).getBytes(StandardCharsets.UTF_8);
            ISVNEditor editor = remote.getCommitEditor(message, null);
            editor.openRoot(-1);
            if (exists) {
                editor.openFile(file, -1);
            } else {
                editor.addFile(file, null, -1);
            }
            editor.applyTextDelta(file, null);
            String checksum = new SVNDeltaGenerator().sendDelta(file, new ByteArrayInputStream(before.toByteArray()),
                    0, new ByteArrayInputStream(after), editor, true);
            editor.closeFile(file, checksum);
            editor.closeDir();
            return editor.closeEdit().getNewRevision();
        } finally {
            remote.closeSession();
        }
    }

    private static BasicAuthenticationManager dev() {
        return BasicAuthenticationManager.newInstance("dev", new char[0]);
    }
}
