package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.ExternalProgram;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

/** Repositories made by the {@code git} program read and update the same as with git itself. */
class GitCommandLineTest {

    static final Map<String, String> DEV_ONE = Map.of(
            "GIT_AUTHOR_NAME", "Dev One", "GIT_AUTHOR_EMAIL", "dev@example.org",
            "GIT_COMMITTER_NAME", "Dev One", "GIT_COMMITTER_EMAIL", "dev@example.org",
            "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null");

    @TempDir
    Path tmp;

    ExternalProgram git = ExternalProgram.named("git");

    @BeforeEach
    void needsGit() {
        Assumptions.assumeTrue(git.isInstalled(), "git is not installed: interoperability is not tested");
    }

    @Test
    void cloneMadeByGitIsReadAndUpdatedAsGitWould() throws Exception {
        run(tmp, "init", "--bare", "--initial-branch=main", "origin.git");
        run(tmp, "clone", "origin.git", "colleague");
        Path colleague = tmp.resolve("colleague");
        run(colleague, "checkout", "-b", "main");
        Files.writeString(colleague.resolve("a.txt"), "a\n");
        run(colleague, "add", "a.txt");
        run(colleague, "commit", "-m", "first: add a");
        run(colleague, "push", "origin", "main");
        run(tmp, "clone", "origin.git", "sandbox");
        Path sandboxDir = tmp.resolve("sandbox");
        Files.writeString(colleague.resolve("a.txt"), "a\nb\n");
        run(colleague, "commit", "-am", "second: add b");
        Files.writeString(colleague.resolve("c.txt"), "c\n");
        run(colleague, "add", "c.txt");
        run(colleague, "commit", "-m", "third: add c");
        run(colleague, "push", "origin", "main");
        Files.writeString(sandboxDir.resolve("notes.txt"), "mine\n");

        GitSandbox sandbox = GitSandbox.open(sandboxDir, SandboxOptions.NONE);

        assertThat(sandbox.state()).isEqualTo(run(sandboxDir, "rev-parse", "HEAD").strip());
        List<Change> log = sandbox.changeLog();
        assertThat(log).extracting(Change::message).containsExactly("second: add b", "third: add c");
        assertThat(log).extracting(Change::author).containsOnly("Dev One <dev@example.org>");
        assertThat(sandbox.pendingUpdates())
                .isEqualTo(run(sandboxDir, "rev-list", "--reverse", "HEAD..origin/main").lines().toList());

        UpdateResult result = sandbox.update();

        assertThat(result.newRevision()).isEqualTo(run(sandboxDir, "rev-parse", "HEAD").strip())
                .isEqualTo(run(colleague, "rev-parse", "HEAD").strip());
        assertThat(run(sandboxDir, "status", "--porcelain")).isEqualTo("?? notes.txt\n");
        assertThat(run(sandboxDir, "stash", "list")).isEmpty();
        run(sandboxDir, "fsck", "--no-progress");
    }

    private String run(Path directory, String... arguments) throws Exception {
        return git.run(directory, DEV_ONE, arguments);
    }
}
