package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.git.GitSandbox;
import org.testfarm.vcs.git.GitWorld;
import org.testfarm.vcs.svn.SvnSandbox;
import org.testfarm.vcs.svn.SvnWorld;

/** One client watching a Git and a Subversion sandbox at once. */
class SandboxesTest {

    @TempDir
    Path tmp;

    GitWorld git;
    SvnWorld svn;

    @BeforeEach
    void createRepositories() throws Exception {
        git = GitWorld.create(tmp.resolve("git"));
        svn = SvnWorld.create(tmp.resolve("svn"));
    }

    @Test
    void openingDetectsTheKindOfEachDirectory() {
        Sandboxes sandboxes = Sandboxes.open(SandboxRegistry.installed(), List.of(git.sandbox, svn.sandbox),
                SandboxOptions.NONE);

        assertThat(sandboxes.all()).hasExactlyElementsOfTypes(GitSandbox.class, SvnSandbox.class);
    }

    @Test
    void oneSandboxBehindMakesTheWholeSetPendingAndOnlyItIsListed() throws Exception {
        RevCommit upstream = git.push("c.txt", "c\n", "second: add c");
        Sandboxes sandboxes = Sandboxes.of(git.open(), svn.open());

        assertThat(sandboxes.hasPendingChanges()).isTrue();
        assertThat(sandboxes.withPendingChanges()).extracting(Sandbox::location)
                .containsExactly(git.sandbox.toAbsolutePath());
        Map<Path, List<Change>> logs = sandboxes.changeLogs();
        assertThat(logs.get(git.sandbox.toAbsolutePath())).extracting(Change::revision)
                .containsExactly(upstream.name());
        assertThat(logs.get(svn.sandbox.toAbsolutePath())).isEmpty();
    }

    @Test
    void updatingTheSetUpdatesEachSandboxAndReportsByLocation() throws Exception {
        RevCommit upstream = git.push("c.txt", "c\n", "second: add c");
        svn.commit("c.txt", "c\n", "second: add c");
        Sandboxes sandboxes = Sandboxes.of(List.of(git.open(), svn.open()));

        Map<Path, UpdateResult> results = sandboxes.update();

        assertThat(results.keySet()).containsExactly(git.sandbox.toAbsolutePath(), svn.sandbox.toAbsolutePath());
        assertThat(results.get(git.sandbox.toAbsolutePath()).newRevision()).isEqualTo(upstream.name());
        assertThat(results.get(svn.sandbox.toAbsolutePath())).isEqualTo(new UpdateResult("1", "2", List.of()));
        assertThat(sandboxes.hasPendingChanges()).isFalse();
    }
}
