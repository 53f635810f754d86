package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;

/** http(s):// with the user and token from the options, against a real smart-HTTP server on the loopback address. */
class GitHttpTransportTest {

    @TempDir
    Path tmp;

    GitWorld world;
    GitHttpServer server;

    @BeforeEach
    void serveOriginOverHttp() throws Exception {
        world = GitWorld.create(tmp);
        server = GitHttpServer.start(world.origin, "volunteer", "t0ken");
        try (Git git = Git.open(world.sandbox.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(server.url())).call();
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void userAndTokenFromTheConfigurationFetchAndUpdate() throws Exception {
        RevCommit upstream = world.push("c.txt", "c\n", "second: add c");
        GitSandbox sandbox = GitSandbox.open(world.sandbox,
                SandboxOptions.fromMap(Map.of("https.user", "volunteer", "https.token", "t0ken")));

        assertThat(sandbox.pendingUpdates()).containsExactly(upstream.name());
        assertThat(sandbox.update().newRevision()).isEqualTo(upstream.name());
    }

    @Test
    void wrongTokenIsBadCredentialsNamingTheSandbox() {
        GitSandbox sandbox = GitSandbox.open(world.sandbox,
                SandboxOptions.builder().httpsUser("volunteer").httpsToken("guess").build());

        assertSandboxFails(sandbox::remoteState, Reason.BAD_CREDENTIALS, world.sandbox)
                .hasMessageContaining("bad or missing credentials");
    }

    @Test
    void noCredentialsForAServerThatWantsThemIsBadCredentials() {
        GitSandbox sandbox = GitSandbox.open(world.sandbox, SandboxOptions.NONE);

        assertSandboxFails(sandbox::hasPendingChanges, Reason.BAD_CREDENTIALS);
    }
}
