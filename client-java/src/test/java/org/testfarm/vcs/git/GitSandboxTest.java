package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxContract;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;
import org.testfarm.vcs.V1Fixture;

class GitSandboxTest extends SandboxContract {

    GitWorld world;

    @BeforeEach
    void createRepositories() throws Exception {
        world = GitWorld.create(tmp);
    }

    @Override
    protected GitSandbox openAt(Path directory) {
        return GitSandbox.open(directory, SandboxOptions.NONE);
    }

    @Test
    void sandboxTwoCommitsBehindListsThemOldestFirst() throws Exception {
        String before = world.open().state();
        RevCommit second = world.push("a.txt", "b\n", "second: add b");
        RevCommit third = world.push("c.txt", "c\n", "third: add c");

        GitSandbox sandbox = world.open();

        assertThat(sandbox.state()).isEqualTo(before).hasSize(40);
        assertThat(sandbox.remoteState()).isEqualTo(third.name());
        assertThat(sandbox.pendingUpdates()).containsExactly(second.name(), third.name());
        assertThat(sandbox.hasPendingChanges()).isTrue();
        assertThat(sandbox.location()).isEqualTo(world.sandbox.toAbsolutePath());
    }

    @Test
    void changeLogGivesNameWithEmailAndTheMessageWithoutTrailingNewline() throws Exception {
        RevCommit second = world.push("a.txt", "b\n", "second: add b\n");
        world.push("c.txt", "c\n", "third: add c\n\nWith a body.\n");

        List<Change> log = world.open().changeLog();

        assertThat(log).extracting(Change::author).containsOnly("Dev One <dev@example.org>");
        assertThat(log).extracting(Change::message).containsExactly("second: add b", "third: add c\n\nWith a body.");
        assertThat(log.get(0).revision()).isEqualTo(second.name());
        assertThat(V1Fixture.changeLogText(log.subList(0, 1)))
                .isEqualTo(":: " + second.name() + " - Dev One <dev@example.org>\nsecond: add b\n\n");
    }

    @Test
    void upToDateSandboxHasNothingPending() {
        GitSandbox sandbox = world.open();

        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.changeLog()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isFalse();
        assertThat(sandbox.remoteState()).isEqualTo(sandbox.state());
        UpdateResult nothing = sandbox.update();
        assertThat(nothing.changed()).isFalse();
        assertThat(nothing.hasConflicts()).isFalse();
    }

    @Test
    void updateFastForwardsToTheNewestUpstreamCommit() throws Exception {
        GitSandbox sandbox = world.open();
        String before = sandbox.state();
        world.push("a.txt", "b\n", "second: add b");
        RevCommit third = world.push("c.txt", "c\n", "third: add c");

        UpdateResult result = sandbox.update();

        assertThat(result.oldRevision()).isEqualTo(before);
        assertThat(result.newRevision()).isEqualTo(third.name()).isEqualTo(sandbox.state());
        assertThat(result.conflicts()).isEmpty();
        assertThat(Files.readAllLines(world.sandbox.resolve("a.txt"))).containsExactly("a", "b");
        assertThat(Files.readAllLines(world.sandbox.resolve("c.txt"))).containsExactly("c");
        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void localEditsOfTrackedAndUntrackedFilesSurviveTheUpdate() throws Exception {
        world.push("c.txt", "c\n", "second: add c");
        Files.writeString(world.sandbox.resolve("a.txt"), "a edited locally\n");
        Files.writeString(world.sandbox.resolve("notes.txt"), "mine\n");
        GitSandbox sandbox = world.open();

        UpdateResult result = sandbox.update();

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.changed()).isTrue();
        assertThat(world.sandbox.resolve("a.txt")).hasContent("a edited locally");
        assertThat(world.sandbox.resolve("notes.txt")).hasContent("mine");
        assertThat(world.sandbox.resolve("c.txt")).hasContent("c");
        try (Git git = Git.open(world.sandbox.toFile())) {
            assertThat(git.stashList().call()).as("a cleanly re-applied stash is dropped").isEmpty();
        }
    }

    @Test
    void conflictingLocalEditIsReportedAndKeptInTheStash() throws Exception {
        RevCommit upstream = world.push("a.txt", "b from upstream\n", "second: add b");
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");
        GitSandbox sandbox = world.open();

        UpdateResult result = sandbox.update();

        assertThat(result.conflicts()).containsExactly("a.txt");
        assertThat(result.newRevision()).isEqualTo(upstream.name());
        assertThat(Files.readString(world.sandbox.resolve("a.txt")))
                .as("the local edit is still in the working tree")
                .contains("b from here");
        try (Git git = Git.open(world.sandbox.toFile())) {
            assertThat(git.stashList().call()).as("the stash is kept").hasSize(1);
        }
    }

    @Test
    void localCommitIsMergedWithUpstream() throws Exception {
        RevCommit local = world.commitInSandbox("local.txt", "l\n", "local: add l");
        RevCommit upstream = world.push("c.txt", "c\n", "second: add c");
        GitSandbox sandbox = world.open();
        assertThat(sandbox.pendingUpdates()).containsExactly(upstream.name());

        UpdateResult result = sandbox.update();

        assertThat(result.oldRevision()).isEqualTo(local.name());
        assertThat(result.newRevision()).isNotIn(local.name(), upstream.name());
        assertThat(result.conflicts()).isEmpty();
        assertThat(world.sandbox.resolve("c.txt")).exists();
        assertThat(world.sandbox.resolve("local.txt")).exists();
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void conflictingLocalCommitLeavesTheMergeForAPersonAndSaysSo() throws Exception {
        RevCommit local = world.commitInSandbox("a.txt", "b from here\n", "local: add b");
        world.push("a.txt", "b from upstream\n", "second: add b");

        UpdateResult result = world.open().update();

        assertThat(result.conflicts()).containsExactly("a.txt");
        assertThat(result.newRevision()).isEqualTo(local.name());
        assertThatThrownBy(() -> world.open().update())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining(world.sandbox.toAbsolutePath().toString())
                .hasMessageContaining("middle of");
    }

    @Test
    void branchWithoutConfiguredUpstreamFollowsOriginOfTheSameName() throws Exception {
        try (Git git = Git.open(world.sandbox.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.unsetSection("branch", "main");
            config.save();
        }
        RevCommit upstream = world.push("c.txt", "c\n", "second: add c");

        assertThat(world.open().pendingUpdates()).containsExactly(upstream.name());
    }

    @Test
    void vanishedOriginIsAnUnreachableRemote() throws Exception {
        GitSandbox sandbox = world.open();
        Path moved = Files.move(world.origin, tmp.resolve("elsewhere.git"));

        assertSandboxFails(sandbox::pendingUpdates, Reason.UNREACHABLE_REMOTE, world.sandbox)
                .hasMessageContaining("cannot reach its remote");
        assertThat(moved).exists();
    }

    @Test
    void detachedHeadIsRefusedWithAClearMessage() throws Exception {
        try (Git git = Git.open(world.sandbox.toFile())) {
            git.checkout().setName(git.getRepository().resolve("HEAD").name()).call();
        }

        assertThatThrownBy(() -> world.open().remoteState())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("detached");
    }
}
