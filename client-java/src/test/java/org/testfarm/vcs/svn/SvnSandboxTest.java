package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

class SvnSandboxTest {

    @TempDir
    Path tmp;

    SvnWorld world;

    @BeforeEach
    void createRepository() throws Exception {
        world = SvnWorld.create(tmp);
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
    void missingVersionedFileCountsAsPendingAndTheUpdateRestoresIt() throws Exception {
        SvnSandbox sandbox = world.open();
        Files.delete(world.sandbox.resolve("a.txt"));

        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isTrue();

        sandbox.update();

        assertThat(world.sandbox.resolve("a.txt")).hasContent("a");
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void directoryOutsideAnyWorkingCopyIsNotAWorkingCopy() throws Exception {
        Path plain = Files.createDirectory(tmp.resolve("plain"));

        assertThatThrownBy(() -> SvnSandbox.open(plain, SandboxOptions.NONE))
                .isInstanceOfSatisfying(SandboxException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SandboxException.Reason.NOT_A_WORKING_COPY);
                    assertThat(e.location()).isEqualTo(plain.toAbsolutePath());
                })
                .hasMessageContaining(plain.toAbsolutePath().toString())
                .hasMessageContaining("not a working copy");
    }

    @Test
    void vanishedRepositoryIsAnUnreachableRemote() throws Exception {
        SvnSandbox sandbox = world.open();
        Files.move(world.repository, tmp.resolve("elsewhere"));

        assertThatThrownBy(sandbox::hasPendingChanges)
                .isInstanceOfSatisfying(SandboxException.class, e ->
                        assertThat(e.reason()).isEqualTo(SandboxException.Reason.UNREACHABLE_REMOTE))
                .hasMessageContaining(world.sandbox.toAbsolutePath().toString())
                .hasMessageContaining("cannot reach its remote");
    }
}
