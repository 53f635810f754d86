package org.testfarm.vcs.svn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.testfarm.vcs.SandboxOptions;
import org.tmatesoft.svn.core.SVNDepth;
import org.tmatesoft.svn.core.SVNURL;
import org.tmatesoft.svn.core.auth.BasicAuthenticationManager;
import org.tmatesoft.svn.core.auth.SVNAuthentication;
import org.tmatesoft.svn.core.auth.SVNPasswordAuthentication;
import org.tmatesoft.svn.core.auth.SVNUserNameAuthentication;
import org.tmatesoft.svn.core.internal.wc.SVNFileUtil;
import org.tmatesoft.svn.core.io.SVNRepositoryFactory;
import org.tmatesoft.svn.core.wc.SVNClientManager;
import org.tmatesoft.svn.core.wc.SVNRevision;
import org.tmatesoft.svn.core.wc.SVNWCUtil;

/**
 * A real FSFS repository made with SVNKit, a {@code colleague} working copy that
 * commits as {@code dev}, and the {@code sandbox} working copy checked out at r1.
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
    public final Path colleague;
    public final Path sandbox;
    private final SandboxOptions options;

    private SvnWorld(Path repository, SVNURL url, Path colleague, Path sandbox, SandboxOptions options) {
        this.repository = repository;
        this.url = url;
        this.colleague = colleague;
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

    /** A world reached through {@code url} (for instance svn://) with these credentials. */
    public static SvnWorld create(Path root, Path repository, SVNURL url, SandboxOptions options) throws Exception {
        SvnWorld world = new SvnWorld(repository, url, root.resolve("colleague"), root.resolve("sandbox"), options);
        try (Clients clients = world.clients()) {
            clients.manager.getUpdateClient().doCheckout(url, world.colleague.toFile(), SVNRevision.HEAD,
                    SVNRevision.HEAD, SVNDepth.INFINITY, false);
        }
        world.commit("a.txt", "a\n", "first: add a");
        try (Clients clients = world.clients()) {
            clients.manager.getUpdateClient().doCheckout(url, world.sandbox.toFile(), SVNRevision.create(1),
                    SVNRevision.create(1), SVNDepth.INFINITY, false);
        }
        return world;
    }

    /** The colleague appends {@code line} to {@code file} and commits as dev; returns the new revision. */
    public long commit(String file, String line, String message) throws Exception {
        try (Clients clients = clients()) {
            clients.manager.getUpdateClient().doUpdate(colleague.toFile(), SVNRevision.HEAD, SVNDepth.INFINITY,
                    false, false);
            Path target = colleague.resolve(file);
            boolean isNew = !Files.exists(target);
            append(target, line);
            if (isNew) {
                clients.manager.getWCClient().doAdd(target.toFile(), false, false, false, SVNDepth.EMPTY, false,
                        false);
            }
            return clients.manager.getCommitClient().doCommit(new File[] {colleague.toFile()}, false, message,
                    null, null, false, false, SVNDepth.INFINITY).getNewRevision();
        }
    }

    public SvnSandbox open() {
        return SvnSandbox.open(sandbox, options);
    }

    public static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Clients clients() {
        String user = options.svnUser().orElse("dev");
        char[] password = options.svnPassword().orElse("").toCharArray();
        BasicAuthenticationManager auth = new BasicAuthenticationManager(new SVNAuthentication[] {
            SVNUserNameAuthentication.newInstance(user, false, null, false),
            SVNPasswordAuthentication.newInstance(user, password, false, null, false),
        });
        return new Clients(SVNClientManager.newInstance(SVNWCUtil.createDefaultOptions(true), auth));
    }

    private record Clients(SVNClientManager manager) implements AutoCloseable {
        @Override
        public void close() {
            manager.dispose();
        }
    }
}
