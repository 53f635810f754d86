package org.testfarm.vcs.svn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.testfarm.vcs.SandboxOptions;
import org.tmatesoft.svn.core.SVNDepth;
import org.tmatesoft.svn.core.SVNNodeKind;
import org.tmatesoft.svn.core.SVNURL;
import org.tmatesoft.svn.core.auth.BasicAuthenticationManager;
import org.tmatesoft.svn.core.auth.SVNAuthentication;
import org.tmatesoft.svn.core.auth.SVNPasswordAuthentication;
import org.tmatesoft.svn.core.auth.SVNUserNameAuthentication;
import org.tmatesoft.svn.core.internal.wc.SVNFileUtil;
import org.tmatesoft.svn.core.io.ISVNEditor;
import org.tmatesoft.svn.core.io.SVNRepository;
import org.tmatesoft.svn.core.io.SVNRepositoryFactory;
import org.tmatesoft.svn.core.io.diff.SVNDeltaGenerator;
import org.tmatesoft.svn.core.wc.SVNClientManager;
import org.tmatesoft.svn.core.wc.SVNRevision;
import org.tmatesoft.svn.core.wc.SVNWCUtil;

/**
 * A real FSFS repository made with SVNKit, commits by {@code dev} sent straight
 * to the repository (as a colleague's {@code svn commit} would), and the
 * {@code sandbox} working copy checked out at r1. The tests of compat-v1-python
 * use it too, through client-java's test-jar.
 */
public final class SvnWorld {

    static {
        // SVNKit, like svn, waits for the file system's clock to tick after each
        // checkout, update and commit so that an edit in the same second is seen.
        // Every edit in these tests changes the file's size, so the tests skip the wait.
        SVNFileUtil.setSleepForTimestamp(false);
    }

    public final Path repository;
    public final SVNURL url;
    public final Path sandbox;
    private final SandboxOptions options;

    private SvnWorld(Path repository, SVNURL url, Path sandbox, SandboxOptions options) {
        this.repository = repository;
        this.url = url;
        this.sandbox = sandbox;
        this.options = options;
    }

    /** An empty FSFS repository on disk, made by SVNKit (no svnadmin needed). */
    public static Path createRepository(Path directory) throws Exception {
        SvnProtocols.setUp();
        SVNRepositoryFactory.createLocalRepository(directory.toFile(), true, false);
        return directory;
    }

    /** A file:// world whose r1 adds {@code a.txt} with one line. */
    public static SvnWorld create(Path root) throws Exception {
        Path repository = createRepository(root.resolve("repo"));
        return create(root, repository, SVNURL.fromFile(repository.toFile()), SandboxOptions.NONE);
    }

    /**
     * The world of the v1 fixtures' {@code svn_sandbox_changes.py}: the working
     * copy at r1, and r2 ("second: add b", a.txt gets its second line) and r3
     * ("third: add c", c.txt with one line) in the repository, all by dev.
     */
    public static SvnWorld twoRevisionsBehind(Path root) throws Exception {
        SvnWorld world = create(root);
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        return world;
    }

    /** A world reached through {@code url} (for instance svn://) with these credentials. */
    public static SvnWorld create(Path root, Path repository, SVNURL url, SandboxOptions options)
            throws Exception {
        SvnWorld world = new SvnWorld(repository, url, root.resolve("sandbox"), options);
        world.commit("a.txt", "a\n", "first: add a");
        SVNClientManager clients = SVNClientManager.newInstance(SVNWCUtil.createDefaultOptions(true),
                world.authentication());
        try {
            clients.getUpdateClient().doCheckout(url, world.sandbox.toFile(), SVNRevision.create(1),
                    SVNRevision.create(1), SVNDepth.INFINITY, false);
        } finally {
            clients.dispose();
        }
        return world;
    }

    /** Dev appends {@code line} to {@code file} at the top of the repository; returns the new revision. */
    public long commit(String file, String line, String message) throws Exception {
        SVNRepository remote = SVNRepositoryFactory.create(url);
        try {
            remote.setAuthenticationManager(authentication());
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
            String checksum = new SVNDeltaGenerator().sendDelta(file,
                    new ByteArrayInputStream(before.toByteArray()), 0, new ByteArrayInputStream(after), editor, true);
            editor.closeFile(file, checksum);
            editor.closeDir();
            return editor.closeEdit().getNewRevision();
        } finally {
            remote.closeSession();
        }
    }

    public SvnSandbox open() {
        return SvnSandbox.open(sandbox, options);
    }

    private BasicAuthenticationManager authentication() {
        String user = options.svnUser().orElse("dev");
        char[] password = options.svnPassword().orElse("").toCharArray();
        return new BasicAuthenticationManager(new SVNAuthentication[] {
            SVNUserNameAuthentication.newInstance(user, false, null, false),
            SVNPasswordAuthentication.newInstance(user, password, false, null, false),
        });
    }
}
