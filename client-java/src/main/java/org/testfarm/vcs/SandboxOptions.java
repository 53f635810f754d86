package org.testfarm.vcs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.testfarm.TestFarmException;

/**
 * What a sandbox needs to talk to its remote: credentials and a network time-out.
 * Immutable; build one with {@link #builder()} or from configuration with
 * {@link #fromMap(Map)}. {@link #toString()} never shows a secret.
 *
 * <p>Configuration keys: {@code https.user}, {@code https.token} (or
 * {@code https.password}), {@code ssh.key} (a private key file),
 * {@code ssh.passphrase}, {@code ssh.knownHosts} (a known_hosts file; default
 * {@code ~/.ssh/known_hosts}, unknown hosts are added, changed keys refused),
 * {@code svn.user}, {@code svn.password}, {@code svn.trustCertificates} (a PEM
 * file of certificates, or a PKCS#12 or JKS store, trusted for https:// instead
 * of the JVM's authorities), {@code svn.trustFingerprint} (the SHA-256
 * fingerprint of the one server certificate to accept), {@code timeout} (seconds).
 */
public final class SandboxOptions {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** No credentials, default time-out. */
    public static final SandboxOptions NONE = builder().build();
    private static final Set<String> KEYS = new TreeSet<>(Set.of(
            "https.user", "https.token", "https.password", "ssh.key", "ssh.passphrase",
            "ssh.knownHosts", "svn.user", "svn.password", "svn.trustCertificates", "svn.trustFingerprint",
            "timeout"));

    private final String httpsUser;
    private final String httpsToken;
    private final Path sshKey;
    private final String sshPassphrase;
    private final Path sshKnownHosts;
    private final String svnUser;
    private final String svnPassword;
    private final Path svnTrustCertificates;
    private final String svnTrustFingerprint;
    private final Duration timeout;

    private SandboxOptions(Builder b) {
        httpsUser = b.httpsUser;
        httpsToken = b.httpsToken;
        sshKey = b.sshKey;
        sshPassphrase = b.sshPassphrase;
        sshKnownHosts = b.sshKnownHosts;
        svnUser = b.svnUser;
        svnPassword = b.svnPassword;
        svnTrustCertificates = b.svnTrustCertificates;
        svnTrustFingerprint = b.svnTrustFingerprint;
        timeout = b.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads options from configuration entries (keys listed in the class comment).
     *
     * @throws TestFarmException on an unknown key or a time-out that is not a positive number
     */
    public static SandboxOptions fromMap(Map<String, String> entries) {
        Builder b = builder();
        for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            switch (e.getKey()) {
                case "https.user" -> b.httpsUser(value);
                case "https.token", "https.password" -> b.httpsToken(value);
                case "ssh.key" -> b.sshKey(path(value));
                case "ssh.passphrase" -> b.sshPassphrase(value);
                case "ssh.knownHosts" -> b.sshKnownHosts(path(value));
                case "svn.user" -> b.svnUser(value);
                case "svn.password" -> b.svnPassword(value);
                case "svn.trustCertificates" -> b.svnTrustCertificates(path(value));
                case "svn.trustFingerprint" -> b.svnTrustFingerprint(value);
                case "timeout" -> b.timeout(Duration.ofSeconds(seconds(value)));
                default -> throw new TestFarmException("unknown sandbox option '" + e.getKey()
                        + "'; known options: " + String.join(", ", KEYS));
            }
        }
        return b.build();
    }

    private static Path path(String value) {
        return value.isBlank() ? null : Path.of(value.trim());
    }

    private static long seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TestFarmException("sandbox option 'timeout' must be a positive number of seconds, not '"
                + value + "'");
    }

    public Optional<String> httpsUser() {
        return Optional.ofNullable(httpsUser);
    }

    /** The token or password for HTTPS. */
    public Optional<String> httpsToken() {
        return Optional.ofNullable(httpsToken);
    }

    /** The private key file for SSH. */
    public Optional<Path> sshKey() {
        return Optional.ofNullable(sshKey);
    }

    public Optional<String> sshPassphrase() {
        return Optional.ofNullable(sshPassphrase);
    }

    public Optional<Path> sshKnownHosts() {
        return Optional.ofNullable(sshKnownHosts);
    }

    public Optional<String> svnUser() {
        return Optional.ofNullable(svnUser);
    }

    public Optional<String> svnPassword() {
        return Optional.ofNullable(svnPassword);
    }

    /** The certificates trusted for https:// Subversion servers instead of the JVM's authorities. */
    public Optional<Path> svnTrustCertificates() {
        return Optional.ofNullable(svnTrustCertificates);
    }

    /** The SHA-256 fingerprint (64 upper-case hex digits, no colons) of the one https:// certificate to accept. */
    public Optional<String> svnTrustFingerprint() {
        return Optional.ofNullable(svnTrustFingerprint);
    }

    /** How long to wait for the network before giving up. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "SandboxOptions[httpsUser=" + httpsUser + ", httpsToken=" + secret(httpsToken)
                + ", sshKey=" + sshKey + ", sshPassphrase=" + secret(sshPassphrase)
                + ", sshKnownHosts=" + sshKnownHosts + ", svnUser=" + svnUser
                + ", svnPassword=" + secret(svnPassword) + ", svnTrustCertificates=" + svnTrustCertificates
                + ", svnTrustFingerprint=" + svnTrustFingerprint + ", timeout=" + timeout + "]";
    }

    private static String secret(String value) {
        return value == null ? "null" : "***";
    }

    /** Fluent builder; blank strings count as absent. */
    public static final class Builder {
        private String httpsUser;
        private String httpsToken;
        private Path sshKey;
        private String sshPassphrase;
        private Path sshKnownHosts;
        private String svnUser;
        private String svnPassword;
        private Path svnTrustCertificates;
        private String svnTrustFingerprint;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        public Builder httpsUser(String user) {
            httpsUser = present(user);
            return this;
        }

        public Builder httpsToken(String tokenOrPassword) {
            httpsToken = present(tokenOrPassword);
            return this;
        }

        public Builder sshKey(Path privateKeyFile) {
            sshKey = privateKeyFile;
            return this;
        }

        public Builder sshPassphrase(String passphrase) {
            sshPassphrase = present(passphrase);
            return this;
        }

        public Builder sshKnownHosts(Path knownHostsFile) {
            sshKnownHosts = knownHostsFile;
            return this;
        }

        public Builder svnUser(String user) {
            svnUser = present(user);
            return this;
        }

        public Builder svnPassword(String password) {
            svnPassword = present(password);
            return this;
        }

        /** A PEM file of certificates, or a PKCS#12 ({@code .p12}) or JKS ({@code .jks}) store without password. */
        public Builder svnTrustCertificates(Path certificates) {
            svnTrustCertificates = certificates;
            return this;
        }

        /**
         * The SHA-256 fingerprint of the server certificate to accept, as
         * {@code openssl x509 -noout -fingerprint -sha256} prints it (colons optional).
         *
         * @throws TestFarmException when it is not 32 bytes in hex
         */
        public Builder svnTrustFingerprint(String fingerprint) {
            String present = present(fingerprint);
            if (present == null) {
                svnTrustFingerprint = null;
                return this;
            }
            String hex = present.trim().replace(":", "").toUpperCase(java.util.Locale.ROOT);
            if (!hex.matches("[0-9A-F]{64}")) {
                throw new TestFarmException("sandbox option 'svn.trustFingerprint' must be a SHA-256 fingerprint"
                        + " (64 hex digits, colons allowed), not '" + fingerprint + "'");
            }
            svnTrustFingerprint = hex;
            return this;
        }

        public Builder timeout(Duration networkTimeout) {
            if (networkTimeout == null || networkTimeout.isNegative() || networkTimeout.isZero()) {
                throw new TestFarmException("sandbox time-out must be positive, not " + networkTimeout);
            }
            timeout = networkTimeout;
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }

        private static String present(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
