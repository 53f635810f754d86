package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.jython.world.GitWorld;

/**
 * A v1 script updating a real Git sandbox whose local edit conflicts with what
 * came in: it is told, even without {@code verbose}, which stash keeps the edit.
 */
class SandboxLocalEditsIT {

    @TempDir
    Path temp;

    @Test
    void updateWhoseLocalEditsConflict_printsWhereTheStashKeepsThem() throws Exception {
        GitWorld world = GitWorld.twoCommitsBehind(temp.resolve("git"));
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");
        Path script = temp.resolve("update.py");
        Files.writeString(script, String.join("\n", "import sys", "from GitSandbox import GitSandbox",
                "result = GitSandbox(sys.argv[1]).update()", "print list(result.conflicts())", ""));

        ScriptRun run = new V1Launcher(temp.resolve("home")).run(script, world.sandbox.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith(world.sandbox + ": Local edits of tracked files conflict with the update")
                .contains("stash@{0} (\"TestFarm: local edits kept while updating to ", "git stash drop")
                .endsWith("[u'a.txt']\n");
        try (Git git = Git.open(world.sandbox.toFile())) {
            assertThat(List.copyOf(git.stashList().call())).hasSize(1);
        }
    }
}
