package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.UpdateResult;
import org.testfarm.vcs.V1Fixture;

/**
 * The scenario of {@code svn_sandbox_changes.py} (a working copy at r1, r2 and
 * r3 by dev) gives the values the original Python sandbox printed, formatted the
 * way the v1 runner formats them.
 */
class SvnV1FixtureTest {

    @TempDir
    Path tmp;

    @Test
    void workingCopyAtR1GivesTheValuesTheV1ScriptPrinted() throws Exception {
        V1Fixture expected = V1Fixture.load("svn_sandbox_changes.expected");
        SvnWorld world = SvnWorld.create(tmp);
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        SvnSandbox sandbox = world.open();
        String where = sandbox.location().toString();

        assertThat("state before: " + sandbox.state() + " remote: " + sandbox.remoteState())
                .isEqualTo(expected.linesStartingWith("state before:").get(0));
        assertThat("pending before: " + sandbox.pendingUpdates().stream()
                .map(r -> "'" + r + "'").collect(Collectors.joining(", ", "[", "]")))
                .isEqualTo(expected.linesStartingWith("pending before:").get(0));
        assertThat("has pending changes: " + (sandbox.hasPendingChanges() ? "True" : "False"))
                .isEqualTo(expected.linesStartingWith("has pending changes:").get(0));
        List<Change> log = sandbox.changeLog();
        assertThat(log.stream().map(c -> "guilty: " + c.revision() + " " + c.author() + " | " + c.message()).toList())
                .isEqualTo(expected.linesStartingWith("guilty:"));
        StringBuilder changeLog = new StringBuilder();
        for (Change change : log) {
            changeLog.append(String.format(":: %s - %s\n%s\n\n", change.revision(), change.author(), change.message()));
        }
        assertThat(changeLog.toString()).isEqualTo(expected.commandInfo("Change log for"));

        UpdateResult result = sandbox.update();

        assertThat(String.format("Updating %s, %s -> %s", where, result.oldRevision(), result.newRevision())
                .replace(where, "<sandbox>")).isEqualTo(expected.commandLine("Updating"));
        assertThat("state after: " + sandbox.state()).isEqualTo(expected.linesStartingWith("state after:").get(0));
        long lines = Files.readAllLines(world.sandbox.resolve("a.txt")).size()
                + Files.readAllLines(world.sandbox.resolve("c.txt")).size();
        assertThat("lines: " + lines).isEqualTo(expected.commandInfo("cat *.txt"));
    }
}
