package org.testfarm.jython.world;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real Git world made with JGit: an {@code origin} repository and a
 * {@code sandbox} clone of it that origin is then two commits ahead of,
 * as the v1 fixtures' README describes: commits by {@code Dev One
 * <dev@example.org>}, "second: add b" (a.txt gets its second line) and
 * "third: add c" (c.txt, one line).
 */
public final class GitWorld {

    public static final PersonIdent DEV = new PersonIdent("Dev One", "dev@example.org");

    public final Path origin;
    public final Path sandbox;

    private GitWorld(Path origin, Path sandbox) {
        this.origin = origin;
        this.sandbox = sandbox;
    }

    public static GitWorld twoCommitsBehind(Path root) throws Exception {
        GitWorld world = new GitWorld(root.resolve("origin"), root.resolve("sandbox"));
        try (Git origin = Git.init().setDirectory(world.origin.toFile()).setInitialBranch("main").call()) {
            world.commit(origin, "a.txt", "a\n", "first: add a");
            Git.cloneRepository().setURI(world.origin.toUri().toString()).setDirectory(world.sandbox.toFile())
                    .call().close();
            world.commit(origin, "a.txt", "b\n", "second: add b");
            world.commit(origin, "c.txt", "c\n", "third: add c");
        }
        return world;
    }

    /** Dev writes {@code file} with {@code content} in origin and commits it. */
    public void commitFile(String file, String content, String message) throws Exception {
        Files.writeString(origin.resolve(file), content, StandardCharsets.UTF_8);
        try (Git git = Git.open(origin.toFile())) {
            git.add().addFilepattern(file).call();
            git.commit().setMessage(message).setAuthor(DEV).setCommitter(DEV).setSign(false).call();
        }
    }

    /** Dev appends {@code line} to {@code file} in origin and commits it. */
    public void commit(String file, String line, String message) throws Exception {
        try (Git git = Git.open(origin.toFile())) {
            commit(git, file, line, message);
        }
    }

    private void commit(Git git, String file, String line, String message) throws Exception {
        Files.writeString(origin.resolve(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        git.add().addFilepattern(file).call();
        git.commit().setMessage(message).setAuthor(DEV).setCommitter(DEV).setSign(false).call();
    }
}
