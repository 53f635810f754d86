package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
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
        SvnSandbox sandbox = SvnWorld.twoRevisionsBehind(tmp).open();
        String where = sandbox.location().toString();

        assertThat("state before: " + sandbox.state() + " remote: " + sandbox.remoteState())
                .isEqualTo(expected.linesStartingWith("state before:").get(0));
        assertThat("pending before: " + sandbox.pendingUpdates().stream()
                .map(r -> "'" + r + "'").collect(Collectors.joining(", ", "[", "]")))
                .isEqualTo(expected.linesStartingWith("pending before:").get(0));
        UnaryOperator<String> masked = text -> text.replace(where, "<sandbox>");
        List<Change> log = expected.assertPendingChanges(sandbox, masked);
        assertThat(log.stream().map(c -> "guilty: " + c.revision() + " " + c.author() + " | " + c.message()).toList())
                .isEqualTo(expected.linesStartingWith("guilty:"));

        expected.assertUpdate(sandbox, masked);

        assertThat("state after: " + sandbox.state()).isEqualTo(expected.linesStartingWith("state after:").get(0));
    }
}
