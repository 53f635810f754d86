package org.testfarm.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The Git repository the demo's Java example client watches: an "upstream"
 * holding the sample project of {@code examples/java/sample-project}, a clone of it
 * for the client, and new upstream commits from time to time so the client has
 * something to build.
 */
final class DemoRepository {

    private static final PersonIdent AUTHOR = new PersonIdent("Demo Developer", "dev@example.org");

    private final Path upstream;
    private final Path clone;

    private DemoRepository(Path upstream, Path clone) {
        this.upstream = upstream;
        this.clone = clone;
    }

    /** Creates (or finds, from an earlier demo) the upstream repository and the client's clone. */
    static DemoRepository prepare(Path sampleProject, Path where) throws IOException, GitAPIException {
        Path upstream = where.resolve("upstream");
        Path clone = where.resolve("clone");
        if (!Files.isDirectory(upstream.resolve(".git"))) {
            copy(sampleProject, upstream);
            try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("Sample project").setAuthor(AUTHOR).setCommitter(AUTHOR).call();
            }
        }
        if (!Files.isDirectory(clone.resolve(".git"))) {
            Git.cloneRepository().setURI(upstream.toUri().toString()).setDirectory(clone.toFile()).call().close();
        }
        return new DemoRepository(upstream, clone);
    }

    Path workingCopy() {
        return clone;
    }

    /** A new upstream commit, as a developer of the project would push. */
    void commit(LocalDateTime when) throws IOException, GitAPIException {
        Path notes = upstream.resolve("CHANGES.txt");
        Files.writeString(notes, "change of " + when + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        try (Git git = Git.open(upstream.toFile())) {
            git.add().addFilepattern("CHANGES.txt").call();
            git.commit().setMessage("Demo change of " + when).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
