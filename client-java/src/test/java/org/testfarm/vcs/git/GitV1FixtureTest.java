package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.UpdateResult;
import org.testfarm.vcs.V1Fixture;

/**
 * The scenario of {@code git_sandbox_changes.py} (a clone two commits behind,
 * by Dev One) gives the values the original Python sandbox printed, formatted
 * the way the v1 runner formats them.
 */
class GitV1FixtureTest {

    @TempDir
    Path tmp;

    @Test
    void cloneTwoCommitsBehindGivesTheValuesTheV1ScriptPrinted() throws Exception {
        V1Fixture expected = V1Fixture.load("git_sandbox_changes.expected");
        GitWorld world = GitWorld.create(tmp);
        world.push("a.txt", "b\n", "second: add b\n");
        world.push("c.txt", "c\n", "third: add c\n");
        GitSandbox sandbox = world.open();
        String where = sandbox.location().toString();

        assertThat("pending before: " + sandbox.pendingUpdates().size())
                .isEqualTo(expected.linesStartingWith("pending before:").get(0));
        assertThat("has pending changes: " + (sandbox.hasPendingChanges() ? "True" : "False"))
                .isEqualTo(expected.linesStartingWith("has pending changes:").get(0));
        List<Change> log = sandbox.changeLog();
        assertThat(log.stream().map(c -> "guilty: " + c.author() + " | " + c.message()).toList())
                .isEqualTo(expected.linesStartingWith("guilty:"));
        StringBuilder changeLog = new StringBuilder();
        for (Change change : log) {
            changeLog.append(String.format(":: %s - %s\n%s\n\n", change.revision(), change.author(), change.message()));
        }
        assertThat(masked(changeLog.toString(), where)).isEqualTo(expected.commandInfo("Change log for"));

        UpdateResult result = sandbox.update();

        assertThat(masked(String.format("Updating %s, %s -> %s", where, result.oldRevision(), result.newRevision()),
                where)).isEqualTo(expected.commandLine("Updating"));
        assertThat("pending after: " + sandbox.pendingUpdates().size())
                .isEqualTo(expected.linesStartingWith("pending after:").get(0));
        long lines = Files.readAllLines(world.sandbox.resolve("a.txt")).size()
                + Files.readAllLines(world.sandbox.resolve("c.txt")).size();
        assertThat("lines: " + lines).isEqualTo(expected.commandInfo("cat *.txt"));
    }

    private static String masked(String text, String sandbox) {
        return text.replaceAll("[0-9a-f]{40}", "<sha>").replace(sandbox, "<sandbox>");
    }
}
