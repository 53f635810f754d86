package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.ExternalProgram;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxOptions;

/**
 * https:// against Debian's Apache httpd with mod_dav_svn and a self-signed
 * certificate made for the test: a sandbox believes the server only when told to
 * trust that certificate, by file or by fingerprint, and it names the host.
 */
@Timeout(120)
class SvnHttpsTest {

    @TempDir
    Path tmp;

    ApacheSvnServer server;
    SvnWorld world;
    Path repository;

    @BeforeEach
    void startHttpd() throws Exception {
        ApacheSvnServer.assumeInstalled();
        repository = SvnWorld.createRepository(tmp.resolve("served/project"));
        server = ApacheSvnServer.start(tmp.resolve("httpd"), repository, true);
        world = SvnWorld.create(tmp, repository, server.url(), withCertificate());
    }

    @AfterEach
    void stopHttpd() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    SandboxOptions withCertificate() {
        return SandboxOptions.builder().svnUser("dev").svnPassword("secret")
                .svnTrustCertificates(server.certificate()).build();
    }

    SandboxOptions withFingerprint(String fingerprint) {
        return SandboxOptions.fromMap(Map.of("svn.user", "dev", "svn.password", "secret",
                "svn.trustFingerprint", fingerprint));
    }

    @Test
    void trustedCertificateFile_revisionsLogStatusAndUpdateWithAConflictPostponed() throws Exception {
        SvnHttpTest.readAndUpdateWithAConflictPostponed(world, withCertificate());
    }

    @Test
    void fingerprintAsOpensslPrintsIt_isTrustedToo() throws Exception {
        String printed = ExternalProgram.named("openssl").run(tmp, "x509", "-noout", "-fingerprint", "-sha256",
                "-in", server.certificate().toString());
        String fingerprint = printed.substring(printed.indexOf('=') + 1).strip();
        world.commit("c.txt", "c\n", "second: add c");

        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, withFingerprint(fingerprint));

        assertThat(sandbox.remoteState()).isEqualTo("2");
        assertThat(sandbox.update().newRevision()).isEqualTo("2");
    }

    @Test
    void selfSignedCertificateNotConfigured_isRefused_namingTheSandboxAndTheFingerprint() throws Exception {
        world.commit("c.txt", "c\n", "second: add c");
        SandboxOptions jvmAuthoritiesOnly = SandboxOptions.builder().svnUser("dev").svnPassword("secret").build();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, jvmAuthoritiesOnly);

        assertThatThrownBy(sandbox::hasPendingChanges)
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("sandbox " + world.sandbox.toAbsolutePath())
                .hasMessageContaining("is not trusted")
                .hasMessageContaining(fingerprint(server.certificate()))
                .hasMessageContaining("svn.trustCertificates");
        assertThatThrownBy(sandbox::update).isInstanceOf(SandboxException.class);
        assertThat(sandbox.state()).isEqualTo("1");
        assertThat(world.sandbox.resolve("c.txt")).doesNotExist();
    }

    @Test
    void anotherFingerprint_isRefused() throws Exception {
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, withFingerprint("00".repeat(32)));

        assertThatThrownBy(sandbox::remoteState)
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("is not trusted")
                .hasMessageContaining("svn.trustFingerprint");
    }

    @Test
    void trustedCertificate_reachedByAHostNameItDoesNotName_isRefused() throws Exception {
        Path other = tmp.resolve("by-name");
        SvnWorld byName = SvnWorld.create(other, repository, server.url("localhost"), withCertificate());
        SvnSandbox sandbox = SvnSandbox.open(byName.sandbox, withCertificate());

        assertThatThrownBy(sandbox::remoteState)
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("not made out to localhost but to 127.0.0.1");
    }

    @Test
    void unreadableCertificateFile_isAClearFailureNamingTheFile() throws Exception {
        Path notCertificates = Files.writeString(tmp.resolve("trusted.pem"), "not a certificate\n");
        SandboxOptions options = SandboxOptions.builder().svnUser("dev").svnPassword("secret")
                .svnTrustCertificates(notCertificates).build();
        SvnSandbox sandbox = SvnSandbox.open(world.sandbox, options);

        assertThatThrownBy(sandbox::remoteState)
                .isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("sandbox " + world.sandbox.toAbsolutePath())
                .hasMessageContaining("cannot read the trusted certificates in " + notCertificates);
    }

    static String fingerprint(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return SvnTrust.fingerprint((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
    }
}
