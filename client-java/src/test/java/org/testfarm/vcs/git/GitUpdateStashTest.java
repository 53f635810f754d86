package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.UpdateResult;

/**
 * Local edits a Git update stashes and cannot put back: the result's note, or the
 * failure's message, names the stash and says how to get them back, and the
 * stash ({@code git stash list}) holds them. Real repositories in a temp dir.
 */
class GitUpdateStashTest {

    @TempDir
    Path tmp;

    GitWorld world;

    @BeforeEach
    void createRepositories() throws Exception {
        world = GitWorld.create(tmp);
    }

    @Test
    void localEditConflictingWithUpstream_isKeptInTheStash_andTheNoteSaysWhereAndHow() throws Exception {
        world.push("a.txt", "b from upstream\n", "second: add b");
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");

        UpdateResult result = world.open().update();

        assertThat(result.conflicts()).containsExactly("a.txt");
        assertThat(result.note()).contains("stash@{0}", GitUpdate.STASH_MESSAGE, "a.txt hold conflict markers",
                "git stash drop", "git stash show -p");
        assertThat(stashedContent("a.txt")).isEqualTo("a\nb from here\n");
    }

    @Test
    void mergeThatConflicts_keepsTheEditsInTheStash_andSaysToPopThemOnceTheMergeIsDone() throws Exception {
        world.commitInSandbox("a.txt", "b from here\n", "local: add b");
        world.push("a.txt", "b from upstream\n", "second: add b");
        world.push("c.txt", "c\n", "third: add c");
        Files.writeString(world.sandbox.resolve("notes.txt"), "");
        try (Git git = Git.open(world.sandbox.toFile())) {
            git.add().addFilepattern("notes.txt").call();
            git.commit().setMessage("local: add notes").call();
        }
        Files.writeString(world.sandbox.resolve("notes.txt"), "my local edit\n");

        UpdateResult result = world.open().update();

        assertThat(result.conflicts()).containsExactly("a.txt");
        assertThat(result.note()).contains("stash@{0}", GitUpdate.STASH_MESSAGE, "git merge --abort", "git stash pop");
        assertThat(stashedContent("notes.txt")).isEqualTo("my local edit\n");
        assertThatThrownBy(() -> world.open().update()).isInstanceOf(SandboxException.class)
                .hasMessageContaining("middle of")
                .hasMessageContaining("stash@{0} (\"" + GitUpdate.STASH_MESSAGE)
                .hasMessageContaining("git stash pop");

        try (Git git = Git.open(world.sandbox.toFile())) { // what the note says: abort the merge, pop the stash
            git.reset().setMode(ResetType.HARD).call();
            git.stashApply().call();
            git.stashDrop().call();
        }
        assertThat(world.sandbox.resolve("notes.txt")).hasContent("my local edit");
    }

    @Test
    void updateThatFailsHalfWay_putsTheWorkingCopyBackAsItWas_localEditsIncluded_andSaysSo() throws Exception {
        Files.writeString(world.sandbox.resolve("a.txt"), "a edited locally\n");
        try (Git git = Git.open(world.sandbox.toFile())) {
            Repository repository = git.getRepository();
            ObjectId head = repository.resolve("HEAD");
            ObjectId broken = commitWithAMissingFile(repository, head);

            assertThatThrownBy(() -> new GitUpdate(world.sandbox, git).call(broken))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("the update failed")
                    .hasMessageContaining("the working copy is back at " + head.name() + " with its local edits");

            assertThat(repository.resolve("HEAD")).isEqualTo(head);
            assertThat(world.sandbox.resolve("a.txt")).hasContent("a edited locally");
            assertThat(world.sandbox.resolve("lost.txt")).doesNotExist();
            assertThat(git.stashList().call()).as("the stash, applied again, is dropped").isEmpty();
            assertThat(git.status().call().getModified()).containsExactly("a.txt");
        }
    }

    /** A commit on {@code parent} adding {@code lost.txt}, whose content is not in the repository (a damaged one). */
    private static ObjectId commitWithAMissingFile(Repository repository, ObjectId parent) throws Exception {
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            TreeFormatter tree = new TreeFormatter();
            tree.append("a.txt", FileMode.REGULAR_FILE, TreeWalk.forPath(repository, "a.txt",
                    walk.parseCommit(parent).getTree()).getObjectId(0));
            tree.append("lost.txt", FileMode.REGULAR_FILE,
                    new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, "never stored\n".getBytes()));
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            commit.setParentId(parent);
            commit.setAuthor(GitWorld.DEV_ONE);
            commit.setCommitter(GitWorld.DEV_ONE);
            commit.setMessage("damaged: lost.txt is missing");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** What the only stash ({@code git stash list} has exactly one) holds for {@code path}. */
    private String stashedContent(String path) throws Exception {
        try (Git git = Git.open(world.sandbox.toFile())) {
            List<RevCommit> stashes = List.copyOf(git.stashList().call());
            assertThat(stashes).as("git stash list").hasSize(1);
            assertThat(stashes.get(0).getFullMessage()).startsWith(GitUpdate.STASH_MESSAGE);
            Repository repository = git.getRepository();
            try (TreeWalk walk = TreeWalk.forPath(repository, path, stashes.get(0).getTree())) {
                return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
