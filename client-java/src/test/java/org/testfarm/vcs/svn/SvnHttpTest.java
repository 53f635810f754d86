package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

/** http:// against Debian's Apache httpd with mod_dav_svn, behind basic authentication. */
@Timeout(120)
class SvnHttpTest {

    static final SandboxOptions DEV = SandboxOptions.fromMap(Map.of("svn.user", "dev", "svn.password", "secret"));

    @TempDir
    Path tmp;

    ApacheSvnServer server;
    SvnWorld world;

    @BeforeEach
    void startHttpd() throws Exception {
        ApacheSvnServer.assumeInstalled();
        Path repository = SvnWorld.createRepository(tmp.resolve("served/project"));
        server = ApacheSvnServer.start(tmp.resolve("httpd"), repository, false);
        world = SvnWorld.create(tmp, repository, server.url(), DEV);
    }

    @AfterEach
    void stopHttpd() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void revisionsLogStatusAndUpdateWithAConflictPostponed() throws Exception {
        readAndUpdateWithAConflictPostponed(world, DEV);
    }

    /**
     * The working copy is at r1 of a repository that gets r2 and r3: the sandbox
     * reads both revisions, the log BASE:HEAD and status -u, then an update with a
     * conflicting local edit postpones the conflict.
     */
    static void readAndUpdateWithAConflictPostponed(SvnWorld world, SandboxOptions options) throws Exception {
        world.commit("a.txt", "b from upstream\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, options);

        assertThat(sandbox.state()).isEqualTo("1");
        assertThat(sandbox.remoteState()).isEqualTo("3");
        assertThat(sandbox.changeLog()).containsExactly(
                new Change("2", "dev", "second: add b"), new Change("3", "dev", "third: add c"));
        assertThat(sandbox.pendingUpdates()).containsExactly("2", "3");
        assertThat(sandbox.hasPendingChanges()).isTrue();

        assertThat(sandbox.update()).isEqualTo(new UpdateResult("1", "3", List.of("a.txt")));

        assertThat(sandbox.state()).isEqualTo("3");
        assertThat(Files.readString(world.sandbox.resolve("a.txt")))
                .contains("b from here", "b from upstream", "<<<<<<<");
        assertThat(world.sandbox.resolve("c.txt")).hasContent("c");
        assertThat(sandbox.hasPendingChanges()).isFalse();
        assertThat(sandbox.changeLog()).isEmpty();
    }

    @Test
    void missingFileCountsAsPendingAndTheUpdateFetchesItBack() throws Exception {
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, DEV);
        Files.delete(world.sandbox.resolve("a.txt"));

        assertThat(sandbox.hasPendingChanges()).isTrue();
        sandbox.update();

        assertThat(world.sandbox.resolve("a.txt")).hasContent("a");
    }

    @Test
    void wrongPasswordIsBadCredentialsNamingTheSandbox() {
        SandboxOptions wrong = SandboxOptions.builder().svnUser("dev").svnPassword("guess").build();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, wrong);

        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call : List.<org.assertj.core.api.ThrowableAssert
                .ThrowingCallable>of(sandbox::remoteState, sandbox::changeLog, sandbox::hasPendingChanges,
                        sandbox::update)) {
            assertSandboxFails(call, Reason.BAD_CREDENTIALS)
                    .hasMessageStartingWith("sandbox " + world.sandbox.toAbsolutePath())
                    .hasMessageContaining("bad or missing credentials")
                    .hasMessageNotContaining("guess");
        }
        assertThat(sandbox.state()).isEqualTo("1");
    }

    @Test
    void noCredentialsForAServerThatWantsThemIsBadCredentials() {
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, SandboxOptions.NONE);

        assertSandboxFails(sandbox::hasPendingChanges, Reason.BAD_CREDENTIALS, world.sandbox);
    }

    @Test
    void stoppedServerIsAnUnreachableRemote() throws Exception {
        server.close();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, DEV);

        assertSandboxFails(sandbox::pendingUpdates, Reason.UNREACHABLE_REMOTE, world.sandbox);
    }
}
