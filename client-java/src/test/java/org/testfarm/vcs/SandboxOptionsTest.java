package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.TestFarmException;

class SandboxOptionsTest {

    @Test
    void configurationEntriesFillEveryCredential() {
        SandboxOptions options = SandboxOptions.fromMap(Map.of(
                "https.user", "volunteer", "https.token", "t0ken",
                "ssh.key", "/home/v/.testfarm/id_ed25519", "ssh.passphrase", "phrase",
                "ssh.knownHosts", "/home/v/.testfarm/known_hosts",
                "svn.user", "dev", "svn.password", "secret", "timeout", "15"));

        assertThat(options.httpsUser()).contains("volunteer");
        assertThat(options.httpsToken()).contains("t0ken");
        assertThat(options.sshKey()).contains(Path.of("/home/v/.testfarm/id_ed25519"));
        assertThat(options.sshPassphrase()).contains("phrase");
        assertThat(options.sshKnownHosts()).contains(Path.of("/home/v/.testfarm/known_hosts"));
        assertThat(options.svnUser()).contains("dev");
        assertThat(options.svnPassword()).contains("secret");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void passwordIsAnotherNameForTheHttpsToken() {
        assertThat(SandboxOptions.fromMap(Map.of("https.password", "pw")).httpsToken()).contains("pw");
    }

    @Test
    void noEntriesMeanNoCredentialsAndTheDefaultTimeout() {
        SandboxOptions options = SandboxOptions.fromMap(Map.of());

        assertThat(options.httpsToken()).isEmpty();
        assertThat(options.sshKey()).isEmpty();
        assertThat(options.svnUser()).isEmpty();
        assertThat(options.timeout()).isEqualTo(SandboxOptions.NONE.timeout()).isPositive();
    }

    @Test
    void blankValuesCountAsAbsent() {
        SandboxOptions options = SandboxOptions.fromMap(Map.of("svn.user", " ", "ssh.key", ""));

        assertThat(options.svnUser()).isEmpty();
        assertThat(options.sshKey()).isEmpty();
    }

    @Test
    void unknownKeyIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> SandboxOptions.fromMap(Map.of("svn.pasword", "x")))
                .isInstanceOf(TestFarmException.class)
                .hasMessageContaining("'svn.pasword'")
                .hasMessageContaining("svn.password");
    }

    @Test
    void timeoutThatIsNotAPositiveNumberIsRefused() {
        assertThatThrownBy(() -> SandboxOptions.fromMap(Map.of("timeout", "soon")))
                .isInstanceOf(TestFarmException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> SandboxOptions.fromMap(Map.of("timeout", "0")))
                .isInstanceOf(TestFarmException.class);
    }

    @Test
    void svnTrustOptions_fingerprintWithOrWithoutColonsInAnyCase() {
        String colons = "AB:" + "0c:".repeat(30) + "FF";
        SandboxOptions options = SandboxOptions.fromMap(Map.of(
                "svn.trustCertificates", "/etc/testfarm/svn-ca.pem", "svn.trustFingerprint", colons));

        assertThat(options.svnTrustCertificates()).contains(Path.of("/etc/testfarm/svn-ca.pem"));
        assertThat(options.svnTrustFingerprint()).contains("AB" + "0C".repeat(30) + "FF");
        assertThat(SandboxOptions.fromMap(Map.of("svn.trustFingerprint", "ab" + "0c".repeat(30) + "ff"))
                .svnTrustFingerprint()).isEqualTo(options.svnTrustFingerprint());
    }

    @Test
    void fingerprintThatIsNotSha256IsRefused() {
        assertThatThrownBy(() -> SandboxOptions.fromMap(Map.of("svn.trustFingerprint", "AB:CD:EF")))
                .isInstanceOf(TestFarmException.class)
                .hasMessageContaining("svn.trustFingerprint")
                .hasMessageContaining("'AB:CD:EF'");
        assertThatThrownBy(() -> SandboxOptions.fromMap(Map.of("svn.trustFingerprint", "zz".repeat(32))))
                .isInstanceOf(TestFarmException.class);
    }

    @Test
    void textFormNeverShowsASecret() {
        String text = SandboxOptions.builder()
                .httpsUser("volunteer").httpsToken("t0ken").sshPassphrase("open sesame").svnPassword("secret")
                .build().toString();

        assertThat(text).contains("volunteer").doesNotContain("t0ken", "sesame", "secret");
    }
}
