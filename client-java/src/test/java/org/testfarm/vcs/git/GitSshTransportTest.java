package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxException.Reason;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

/** ssh:// with the private key named in the options, against a real SSH server on the loopback address. */
class GitSshTransportTest {

    @TempDir
    Path tmp;

    GitWorld world;
    KeyPair clientKey;
    GitSshServer server;
    Path knownHosts;

    @BeforeEach
    void serveOriginOverSsh() throws Exception {
        world = GitWorld.create(tmp.resolve("world"));
        clientKey = GitSshServer.newKeyPair();
        server = GitSshServer.start(GitSshServer.newKeyPair(), clientKey.getPublic());
        try (Git git = Git.open(world.sandbox.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(
                    "ssh://git@127.0.0.1:" + server.port() + world.origin.toAbsolutePath())).call();
        }
        knownHosts = tmp.resolve("known_hosts");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void keyFromTheOptionsFetchesAndUpdatesAndTheNewHostIsRemembered() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, tmp.resolve("id_ecdsa"), null);
        RevCommit upstream = world.push("c.txt", "c\n", "second: add c");
        GitSandbox sandbox = GitSandbox.open(world.sandbox, SandboxOptions.builder()
                .sshKey(key).sshKnownHosts(knownHosts).build());

        assertThat(sandbox.pendingUpdates()).containsExactly(upstream.name());
        UpdateResult result = sandbox.update();

        assertThat(result.newRevision()).isEqualTo(upstream.name());
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + server.port());
    }

    @Test
    void encryptedKeyOpensWithItsPassphrase() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, tmp.resolve("id_ecdsa"), "open sesame");
        RevCommit upstream = world.push("c.txt", "c\n", "second: add c");

        GitSandbox sandbox = GitSandbox.open(world.sandbox, SandboxOptions.builder()
                .sshKey(key).sshPassphrase("open sesame").sshKnownHosts(knownHosts).build());

        assertThat(sandbox.remoteState()).isEqualTo(upstream.name());
    }

    @Test
    void wrongPassphraseIsBadCredentials() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, tmp.resolve("id_ecdsa"), "open sesame");
        GitSandbox sandbox = GitSandbox.open(world.sandbox, SandboxOptions.builder()
                .sshKey(key).sshPassphrase("open barley").sshKnownHosts(knownHosts).build());

        assertSandboxFails(sandbox::remoteState, Reason.BAD_CREDENTIALS, world.sandbox);
    }

    @Test
    void keyTheServerDoesNotKnowIsBadCredentials() throws Exception {
        Path stranger = GitSshServer.writePrivateKey(GitSshServer.newKeyPair(), tmp.resolve("id_other"), null);
        GitSandbox sandbox = GitSandbox.open(world.sandbox, SandboxOptions.builder()
                .sshKey(stranger).sshKnownHosts(knownHosts).build());

        assertSandboxFails(sandbox::pendingUpdates, Reason.BAD_CREDENTIALS, world.sandbox);
    }

    @Test
    void hostWhoseKeyChangedIsRefused() throws Exception {
        Path key = GitSshServer.writePrivateKey(clientKey, tmp.resolve("id_ecdsa"), null);
        SandboxOptions options = SandboxOptions.builder().sshKey(key).sshKnownHosts(knownHosts).build();
        GitSandbox.open(world.sandbox, options).remoteState();
        int port = server.port();
        server.close();
        server = GitSshServer.start(GitSshServer.newKeyPair(), clientKey.getPublic());
        try (Git git = Git.open(world.sandbox.toFile())) {
            git.remoteSetUrl().setRemoteName("origin").setRemoteUri(new URIish(
                    "ssh://git@127.0.0.1:" + server.port() + world.origin.toAbsolutePath())).call();
        }
        Files.writeString(knownHosts, Files.readString(knownHosts).replace("]:" + port + " ", "]:" + server.port() + " "));

        assertSandboxFails(() -> GitSandbox.open(world.sandbox, options).remoteState(), Reason.UNREACHABLE_REMOTE,
                world.sandbox)
                .hasMessageContaining("key");
    }
}
