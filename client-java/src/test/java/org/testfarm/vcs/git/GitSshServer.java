package org.testfarm.vcs.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH server on the loopback address (Apache MINA sshd, in process) that
 * serves {@code git-upload-pack} of local repositories with JGit, and lets in
 * only the one client key it was given.
 */
final class GitSshServer implements AutoCloseable {

    private final SshServer server;

    private GitSshServer(SshServer server) {
        this.server = server;
    }

    static GitSshServer start(KeyPair hostKey, PublicKey allowedClientKey) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, allowedClientKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory(new UploadPackFactory());
        server.start();
        return new GitSshServer(server);
    }

    int port() {
        return server.getPort();
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Writes the private key in OpenSSH format, encrypted when a passphrase is given. */
    static Path writePrivateKey(KeyPair key, Path file, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName(OpenSSHKeyEncryptionContext.AES);
            encryption.setCipherType("256");
            encryption.setPassword(passphrase);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "testfarm", encryption, out);
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs {@code git-upload-pack '<path>'} with JGit. */
    private static final class UploadPackFactory implements CommandFactory {
        @Override
        public Command createCommand(ChannelSession channel, String command) {
            List<String> words = CommandFactory.split(command);
            return new UploadPackCommand(words.size() == 2 && words.get(0).equals("git-upload-pack")
                    ? Path.of(words.get(1)) : null);
        }
    }

    private static final class UploadPackCommand implements Command {
        private final Path repository;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path repository) {
            this.repository = repository;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            Thread thread = new Thread(this::serve, "test-git-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            if (repository == null) {
                exit.onExit(127, "only git-upload-pack is served");
                return;
            }
            try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile())
                    .setMustExist(true).build()) {
                new UploadPack(repo).upload(in, out, err);
                out.flush();
                exit.onExit(0);
            } catch (IOException e) {
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
        }
    }
}
