package org.testfarm.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code localhost} (and 127.0.0.1), made
 * once per test run with the JDK's keytool: a PKCS#12 key store for the test
 * servers, the certificate as PEM for the clients to trust, and the private key
 * as PEM for servers that read only that (ngircd).
 */
public final class TestCertificate {

    public static final String PASSWORD = "changeit";
    private static TestCertificate made;

    private final Path keyStore;
    private final Path certificate;
    private final Path directory;

    private TestCertificate(Path directory) {
        this.directory = directory;
        this.keyStore = directory.resolve("server.p12");
        this.certificate = directory.resolve("server.pem");
    }

    public static synchronized TestCertificate get() {
        if (made == null) {
            try {
                Path dir = Files.createTempDirectory("testfarm-tls-");
                dir.toFile().deleteOnExit();
                TestCertificate c = new TestCertificate(dir);
                keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                        "-keystore", c.keyStore.toString(), "-storetype", "PKCS12",
                        "-storepass", PASSWORD, "-keypass", PASSWORD);
                keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.keyStore.toString(),
                        "-storepass", PASSWORD, "-file", c.certificate.toString());
                made = c;
            } catch (IOException e) {
                throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
            }
        }
        return made;
    }

    /** The PKCS#12 store holding the key and certificate (alias {@code server}, password {@value #PASSWORD}). */
    public Path keyStore() {
        return keyStore;
    }

    /** The certificate alone, PEM: what clients trust. */
    public Path certificate() {
        return certificate;
    }

    /** The private key as unencrypted PKCS#8 PEM (ngircd reads PEM only). */
    public synchronized Path privateKeyPem() throws IOException {
        Path key = directory.resolve("server.key");
        if (!Files.exists(key)) {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD.toCharArray());
                byte[] der = store.getKey("server", PASSWORD.toCharArray()).getEncoded();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n";
                Files.writeString(key, pem, StandardCharsets.US_ASCII);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot read the test key: " + e.getMessage(), e);
            }
        }
        return key;
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        if (run(command) != 0) {
            throw new IOException("keytool failed: " + command);
        }
    }

    private static int run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return 127;
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
