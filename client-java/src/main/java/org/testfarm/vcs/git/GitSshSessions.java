package org.testfarm.vcs.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.transport.SshConfigStore;
import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.testfarm.vcs.SandboxOptions;

/**
 * SSH sessions (Apache MINA sshd) that authenticate with the configured private
 * key only, never ask a question, and need nothing in {@code ~/.ssh}: hosts are
 * checked against the configured known_hosts file (default
 * {@code ~/.ssh/known_hosts}); a new host is added, a changed key refused.
 */
final class GitSshSessions {

    private GitSshSessions() {
    }

    static SshdSessionFactory create(SandboxOptions options) {
        Path key = options.sshKey().orElseThrow().toAbsolutePath();
        File home = new File(System.getProperty("user.home"));
        Path knownHosts = options.sshKnownHosts()
                .orElse(home.toPath().resolve(SshConstants.SSH_DIR).resolve(SshConstants.KNOWN_HOSTS))
                .toAbsolutePath();
        ensureExists(knownHosts);
        String passphrase = options.sshPassphrase().orElse(null);
        long connectSeconds = Math.max(1, options.timeout().toSeconds());
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(key.getParent().toFile())
                .setConfigStoreFactory((homeDir, configFile, localUser) ->
                        new KeyOnlyConfig(key, knownHosts, connectSeconds, localUser))
                .setDefaultIdentities(sshDir -> List.of(key))
                .setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts))
                .setKeyPasswordProvider(credentials -> new FixedPassphrase(passphrase))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    /**
     * JGit adds a new host only to a known_hosts file that exists (it would ask
     * before creating one, and there is nobody to ask), so create it empty. When
     * that is impossible the host is still accepted, for this session only.
     */
    private static void ensureExists(Path knownHosts) {
        try {
            if (!Files.exists(knownHosts)) {
                Files.createDirectories(knownHosts.getParent());
                Files.createFile(knownHosts);
            }
        } catch (IOException e) {
            // accepted for this session only, as documented above
        }
    }

    /** The SSH configuration every host gets: this key, this known_hosts file, no prompts. */
    private record KeyOnlyConfig(Path key, Path knownHosts, long connectSeconds, String localUser)
            implements SshConfigStore {

        @Override
        public HostConfig lookup(String hostName, int port, String userName) {
            return new FixedHostConfig(Map.of(
                    SshConstants.HOST_NAME, hostName,
                    SshConstants.PORT, Integer.toString(port > 0 ? port : SshConstants.SSH_DEFAULT_PORT),
                    SshConstants.USER, userName != null && !userName.isEmpty() ? userName : localUser,
                    SshConstants.IDENTITY_FILE, key.toString(),
                    SshConstants.IDENTITIES_ONLY, SshConstants.YES,
                    SshConstants.USER_KNOWN_HOSTS_FILE, knownHosts.toString(),
                    SshConstants.STRICT_HOST_KEY_CHECKING, "accept-new",
                    SshConstants.BATCH_MODE, SshConstants.YES,
                    SshConstants.PREFERRED_AUTHENTICATIONS, "publickey",
                    SshConstants.CONNECT_TIMEOUT, Long.toString(connectSeconds)));
        }

        @Override
        public HostConfig lookupDefault(String hostName, int port, String userName) {
            return lookup(hostName, port, userName);
        }
    }

    private record FixedHostConfig(Map<String, String> options) implements SshConfigStore.HostConfig {

        @Override
        public String getValue(String key) {
            return options.get(key);
        }

        @Override
        public List<String> getValues(String key) {
            String value = options.get(key);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public Map<String, String> getOptions() {
            return options;
        }

        @Override
        public Map<String, List<String>> getMultiValuedOptions() {
            return Map.of();
        }
    }

    /** Answers the key's passphrase once; a wrong one is not retried. */
    private static final class FixedPassphrase implements KeyPasswordProvider {
        private final String passphrase;
        private int attempts = 1;

        FixedPassphrase(String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return passphrase == null || attempt > 0 ? null : passphrase.toCharArray();
        }

        @Override
        public void setAttempts(int maxNumberOfAttempts) {
            attempts = maxNumberOfAttempts;
        }

        @Override
        public int getAttempts() {
            return attempts;
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }
    }
}
