package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.testing.ChildJvm;
import org.testfarm.vcs.ExternalProgram;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;
import org.tmatesoft.svn.core.SVNURL;

/** svn:// against Debian's svnserve, with users in a passwd file. */
class SvnServeTest {

    static final SandboxOptions DEV = SandboxOptions.fromMap(Map.of("svn.user", "dev", "svn.password", "secret"));

    @TempDir
    Path tmp;

    Process server;
    SvnWorld world;

    @BeforeEach
    void startSvnserve() throws Exception {
        ExternalProgram svnserve = ExternalProgram.named("svnserve");
        Assumptions.assumeTrue(svnserve.isInstalled(),
                "svnserve is not installed (apt-get install subversion): svn:// is not tested");
        Path served = Files.createDirectory(tmp.resolve("served"));
        Path repository = SvnWorld.createRepository(served.resolve("project"));
        Files.writeString(repository.resolve("conf/svnserve.conf"), """
                [general]
                anon-access = none
                auth-access = write
                password-db = passwd
                realm = TestFarm
                """);
        Files.writeString(repository.resolve("conf/passwd"), """
                [users]
                dev = secret
                """);
        int port = ApacheSvnServer.freeLoopbackPort();
        server = svnserve.start(tmp.resolve("svnserve.log"), "-d", "--foreground", "-r", served.toString(),
                "--listen-host", "127.0.0.1", "--listen-port", Integer.toString(port));
        ApacheSvnServer.awaitListening(server, port, () -> Files.readString(tmp.resolve("svnserve.log")));
        SVNURL url = SVNURL.parseURIEncoded("svn://127.0.0.1:" + port + "/project");
        world = SvnWorld.create(tmp, repository, url, DEV);
    }

    @AfterEach
    void stopSvnserve() {
        if (server != null) {
            ChildJvm.stop(server, Duration.ofSeconds(5));
        }
    }

    @Test
    void userAndPasswordFromTheOptionsReadAndUpdateOverSvnProtocol() throws Exception {
        world.commit("a.txt", "b\n", "second: add b");
        world.commit("c.txt", "c\n", "third: add c");
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, DEV);

        assertThat(sandbox.state()).isEqualTo("1");
        assertThat(sandbox.remoteState()).isEqualTo("3");
        assertThat(sandbox.changeLog()).containsExactly(
                new Change("2", "dev", "second: add b"), new Change("3", "dev", "third: add c"));
        assertThat(sandbox.hasPendingChanges()).isTrue();
        assertThat(sandbox.update()).isEqualTo(new UpdateResult("1", "3", java.util.List.of()));
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void wrongPasswordIsBadCredentialsNamingTheSandbox() {
        SandboxOptions wrong = SandboxOptions.builder().svnUser("dev").svnPassword("guess").build();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, wrong);

        assertSandboxFails(sandbox::remoteState, Reason.BAD_CREDENTIALS, world.sandbox)
                .hasMessageContaining("bad or missing credentials");
    }

    @Test
    void noCredentialsForAServerThatWantsThemIsBadCredentials() {
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, SandboxOptions.NONE);

        assertSandboxFails(sandbox::hasPendingChanges, Reason.BAD_CREDENTIALS);
    }

    @Test
    void stoppedServerIsAnUnreachableRemote() throws Exception {
        stopSvnserve();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, DEV);

        assertSandboxFails(sandbox::pendingUpdates, Reason.UNREACHABLE_REMOTE, world.sandbox);
    }

}
