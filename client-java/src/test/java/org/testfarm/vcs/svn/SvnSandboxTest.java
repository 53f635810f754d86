package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxContract;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

class SvnSandboxTest extends SandboxContract {

    SvnWorld world;

    @BeforeEach
    void createRepository() throws Exception {
        world = SvnWorld.create(tmp);
    }

    @Override
    protected SvnSandbox openAt(Path directory) {
        return SvnSandbox.open(directory, SandboxOptions.NONE);
    }

    @Test
    void workingCopyAtR1OfARepositoryAtR3HasR2AndR3Pending() throws Exception {
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");

        SvnSandbox sandbox = world.open();

        assertThat(sandbox.state()).isEqualTo("1");
        assertThat(sandbox.remoteState()).isEqualTo("3");
        assertThat(sandbox.pendingUpdates()).containsExactly("2", "3");
        assertThat(sandbox.changeLog()).containsExactly(
                new Change("2", "dev", "second: add b"),
                new Change("3", "dev", "third: add c"));
        assertThat(sandbox.hasPendingChanges()).isTrue();
        assertThat(sandbox.location()).isEqualTo(world.sandbox.toAbsolutePath());
    }

    @Test
    void updateBringsTheWorkingCopyToHead() throws Exception {
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        SvnSandbox sandbox = world.open();

        UpdateResult result = sandbox.update();

        assertThat(result).isEqualTo(new UpdateResult("1", "3", java.util.List.of()));
        assertThat(sandbox.state()).isEqualTo("3");
        assertThat(Files.readAllLines(world.sandbox.resolve("a.txt"))).containsExactly("a", "b");
        assertThat(Files.readAllLines(world.sandbox.resolve("c.txt"))).containsExactly("c");
        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void upToDateWorkingCopyHasNothingPending() {
        SvnSandbox sandbox = world.open();

        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.changeLog()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isFalse();
        assertThat(sandbox.remoteState()).isEqualTo("1");
    }

    @Test
    void localEditsSurviveTheUpdate() throws Exception {
        world.commit("c.txt", "c\n", "second: add c");
        Files.writeString(world.sandbox.resolve("a.txt"), "a edited locally\n");
        Files.writeString(world.sandbox.resolve("notes.txt"), "mine\n");

        UpdateResult result = world.open().update();

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.newRevision()).isEqualTo("2");
        assertThat(world.sandbox.resolve("a.txt")).hasContent("a edited locally");
        assertThat(world.sandbox.resolve("notes.txt")).hasContent("mine");
        assertThat(world.sandbox.resolve("c.txt")).hasContent("c");
    }

    @Test
    void conflictingLocalEditIsPostponedAndReported() throws Exception {
        world.commit("a.txt", "b from upstream\n", "second: add b");
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");
        SvnSandbox sandbox = world.open();

        UpdateResult result = sandbox.update();

        assertThat(result.conflicts()).containsExactly("a.txt");
        assertThat(result.newRevision()).isEqualTo("2");
        assertThat(Files.readString(world.sandbox.resolve("a.txt")))
                .contains("b from here", "b from upstream", "<<<<<<<");
        assertThat(world.sandbox.resolve("a.txt.mine")).hasContent("a\nb from here");
    }

    @Test
    void vanishedRepositoryIsAnUnreachableRemote() throws Exception {
        SvnSandbox sandbox = world.open();
        Files.move(world.repository, tmp.resolve("elsewhere"));

        assertSandboxFails(sandbox::hasPendingChanges, Reason.UNREACHABLE_REMOTE, world.sandbox)
                .hasMessageContaining("cannot reach its remote");
    }
}
