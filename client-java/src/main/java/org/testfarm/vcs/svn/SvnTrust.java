package org.testfarm.vcs.svn;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.X509TrustManager;

import org.testfarm.TestFarmException;
import org.testfarm.notify.TrustMaterial;
import org.testfarm.vcs.SandboxOptions;

/**
 * Which https:// Subversion servers a sandbox believes. SVNKit, left alone,
 * accepts any certificate; this trust manager accepts a server only when
 * <ul>
 * <li>its certificate has the SHA-256 fingerprint of {@code svn.trustFingerprint}
 * (the user vouches for that one certificate, as {@code svn}'s "accept
 * permanently" does), or, without a fingerprint,</li>
 * <li>its chain leads to an authority of {@code svn.trustCertificates} (or of the
 * JVM when that is not set) and the certificate names the URL's host.</li>
 * </ul>
 * A refusal says which certificate it was and how to trust it.
 */
final class SvnTrust implements X509TrustManager {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final String host;
    private final String fingerprint;
    private final X509TrustManager authorities;

    private SvnTrust(String host, String fingerprint, X509TrustManager authorities) {
        this.host = host;
        this.fingerprint = fingerprint;
        this.authorities = authorities;
    }

    /**
     * The trust of one connection to {@code host}.
     *
     * @throws TestFarmException when {@code svn.trustCertificates} cannot be read
     */
    static SvnTrust forHost(String host, SandboxOptions options) {
        String pinned = options.svnTrustFingerprint().orElse(null);
        X509TrustManager authorities = pinned != null ? null
                : TrustMaterial.trustManager(options.svnTrustCertificates().orElse(null), null);
        return new SvnTrust(host, pinned, authorities);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server " + host + " sent no certificate");
        }
        String actual = fingerprint(chain[0]);
        if (fingerprint != null) {
            if (!fingerprint.equals(actual.replace(":", ""))) {
                throw refusal(actual, "its SHA-256 fingerprint is not the one of svn.trustFingerprint");
            }
            return;
        }
        try {
            authorities.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refusal(actual, "no trusted authority signed it (" + e.getMessage() + ")");
        }
        if (!namesHost(chain[0])) {
            throw refusal(actual, "it is not made out to " + host + " but to " + names(chain[0]));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a sandbox does not accept TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities == null ? new X509Certificate[0] : authorities.getAcceptedIssuers();
    }

    private CertificateException refusal(String actual, String why) {
        return new CertificateException("the certificate of " + host + " (SHA-256 " + actual + ") is not trusted: "
                + why + "; trust it with the sandbox option svn.trustCertificates (a PEM file of the certificate"
                + " or its authority) or svn.trustFingerprint");
    }

    /** The SHA-256 of the certificate's DER form, upper-case hex pairs joined by colons. */
    static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The subject alternative names match the host: a DNS name (one leading wildcard label) or an IP address. */
    private boolean namesHost(X509Certificate certificate) throws CertificateParsingException {
        String wanted = host.toLowerCase(Locale.ROOT);
        InetAddress wantedAddress = literalAddress(wanted);
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            String value = String.valueOf(name.get(1)).toLowerCase(Locale.ROOT);
            if (type == IP_ADDRESS && wantedAddress != null && wantedAddress.equals(literalAddress(value))) {
                return true;
            }
            if (type == DNS_NAME && wantedAddress == null && dnsMatches(value, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(name);
    }

    /** The address a literal IPv4 or IPv6 host stands for; null for a DNS name. */
    private static InetAddress literalAddress(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!bare.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String names(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> name : alternatives) {
                names.add(String.valueOf(name.get(1)));
            }
        }
        return names.isEmpty() ? certificate.getSubjectX500Principal().getName() : String.join(", ", names);
    }
}
