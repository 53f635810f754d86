package org.testfarm.vcs.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;

/**
 * Real repositories in a temporary folder: a bare {@code origin}, the
 * {@code sandbox} clone a client watches, and a {@code colleague} clone that
 * pushes new commits so the sandbox falls behind.
 */
public final class GitWorld {

    public static final PersonIdent DEV_ONE = new PersonIdent("Dev One", "dev@example.org");

    public final Path origin;
    public final Path sandbox;
    public final Path colleague;

    private GitWorld(Path origin, Path sandbox, Path colleague) {
        this.origin = origin;
        this.sandbox = sandbox;
        this.colleague = colleague;
    }

    /** An origin whose first commit adds {@code a.txt} with one line, cloned twice. */
    public static GitWorld create(Path root) throws Exception {
        Path origin = root.resolve("origin.git");
        Path colleague = root.resolve("colleague");
        Path sandbox = root.resolve("sandbox");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(colleague.toFile()).call()) {
            git.remoteAdd().setName("origin").setUri(new URIish(origin.toUri().toString())).call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("branch", "main", "remote", "origin");
            config.setString("branch", "main", "merge", "refs/heads/main");
            config.save();
        }
        GitWorld world = new GitWorld(origin, sandbox, colleague);
        world.push("a.txt", "a\n", "first: add a");
        clone(origin, sandbox).close();
        return world;
    }

    public static Git clone(Path origin, Path directory) throws Exception {
        return Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(directory.toFile())
                .call();
    }

    /** The colleague appends {@code line} to {@code file}, commits as Dev One and pushes. */
    public RevCommit push(String file, String line, String message) throws Exception {
        try (Git git = Git.open(colleague.toFile())) {
            append(colleague.resolve(file), line);
            git.add().addFilepattern(file).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor(DEV_ONE).setCommitter(DEV_ONE).call();
            git.push().setRemote("origin").add("main").call();
            return commit;
        }
    }

    /** Commits in the sandbox itself (a local commit upstream does not have). */
    public RevCommit commitInSandbox(String file, String line, String message) throws Exception {
        try (Git git = Git.open(sandbox.toFile())) {
            append(sandbox.resolve(file), line);
            git.add().addFilepattern(file).call();
            return git.commit().setMessage(message).setAuthor(DEV_ONE).setCommitter(DEV_ONE).call();
        }
    }

    public GitSandbox open() {
        return GitSandbox.open(sandbox, org.testfarm.vcs.SandboxOptions.NONE);
    }

    public static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
