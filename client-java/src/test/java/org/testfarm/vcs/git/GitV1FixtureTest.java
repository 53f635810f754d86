package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
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
        UnaryOperator<String> masked = text -> text.replaceAll("[0-9a-f]{40}", "<sha>").replace(where, "<sandbox>");
        List<Change> log = expected.assertPendingChanges(sandbox, masked);
        assertThat(log.stream().map(c -> "guilty: " + c.author() + " | " + c.message()).toList())
                .isEqualTo(expected.linesStartingWith("guilty:"));

        expected.assertUpdate(sandbox, masked);

        assertThat("pending after: " + sandbox.pendingUpdates().size())
                .isEqualTo(expected.linesStartingWith("pending after:").get(0));
    }
}
