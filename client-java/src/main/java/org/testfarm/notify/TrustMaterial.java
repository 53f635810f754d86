package org.testfarm.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a channel trusts instead of the JVM's default ones, for a
 * server whose certificate a private authority signed: a PEM file of
 * certificates ({@code .pem}, {@code .crt}), or a PKCS#12 or JKS trust store.
 * The server's certificate chain and host name are still checked in full.
 */
public final class TrustMaterial {

    private TrustMaterial() {
    }

    /**
     * Sockets that trust exactly the certificates in {@code file}.
     *
     * @throws InvalidSettingsException when the file cannot be read as certificates
     */
    public static SSLSocketFactory socketFactory(Path file, String password) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(file, password)}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingsException("cannot read the trusted certificates in " + file + ": " + e.getMessage());
        }
    }

    /**
     * The JVM's PKIX checks with exactly the certificates in {@code file} as
     * authorities; {@code file == null} means the JVM's default authorities.
     *
     * @throws InvalidSettingsException when the file cannot be read as certificates
     */
    public static X509TrustManager trustManager(Path file, String password) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(file == null ? null : load(file, password));
            for (TrustManager manager : trust.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("no X.509 trust manager in this JVM");
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSettingsException("cannot read the trusted certificates in " + file + ": " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
                store.load(in, password == null ? null : password.toCharArray());
                return store;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            if (n == 0) {
                throw new GeneralSecurityException("it holds no certificate");
            }
            return store;
        }
    }
}
