package org.testfarm.wire;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.testfarm.event.ClientRef;

/**
 * How a client signs a report (docs/deploying.md, "Client keys"): HMAC-SHA256,
 * with the client's {@link ClientKey}, over the lines of {@link #canonical}: the
 * HTTP method, the wire method as a path ({@code /clientIdle}), the query string,
 * the Content-Type (it says how to read the body), the key id, the timestamp, a nonce, and the SHA-256 of the body. The signature
 * and these values travel in the {@code X-TestFarm-*} headers, so the form
 * fields are those of unsigned clients.
 *
 * <p>The path signed is the wire method alone, not the whole request path, so a
 * reverse proxy that changes the prefix in front of the server does not break
 * signatures; the method names the operation, the body digest covers the rest.
 */
public final class RequestSignature {

    public static final String ALGORITHM = "TestFarm-HMAC-SHA256";
    public static final String KEY = "X-TestFarm-Key";
    public static final String TIMESTAMP = "X-TestFarm-Timestamp";
    public static final String NONCE = "X-TestFarm-Nonce";
    public static final String CONTENT_SHA256 = "X-TestFarm-Content-SHA256";
    public static final String SIGNATURE = "X-TestFarm-Signature";
    /** How far a request's timestamp may be from the server's clock, in seconds, either way. */
    public static final long WINDOW_SECONDS = 300;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private RequestSignature() {}

    /**
     * The headers that sign one request of {@code client}, at {@code epochSeconds},
     * with a fresh nonce.
     */
    public static Map<String, String> headers(ClientKey key, ClientRef client, String httpMethod, String wireMethod,
                                              String query, String contentType, byte[] body, long epochSeconds) {
        String keyId = keyId(client);
        String nonce = newNonce();
        String digest = sha256Hex(body);
        String canonical = canonical(httpMethod, wireMethod, query, contentType, keyId, epochSeconds, nonce, digest);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY, keyId);
        headers.put(TIMESTAMP, Long.toString(epochSeconds));
        headers.put(NONCE, nonce);
        headers.put(CONTENT_SHA256, digest);
        headers.put(SIGNATURE, HEX.formatHex(mac(key, canonical)));
        return headers;
    }

    /** The text that is signed: one value a line, the algorithm's name first. */
    public static String canonical(String httpMethod, String wireMethod, String query, String contentType,
                                   String keyId, long epochSeconds, String nonce, String bodySha256) {
        return ALGORITHM + "\n" + httpMethod + "\n/" + wireMethod + "\n" + (query == null ? "" : query) + "\n"
                + (contentType == null ? "" : contentType) + "\n" + keyId + "\n" + epochSeconds + "\n" + nonce + "\n" + bodySha256;
    }

    /**
     * Whether {@code signatureHex} is {@code key}'s signature of {@code canonical},
     * in lower-case hex exactly as {@link #headers} writes it (so no other spelling
     * of the same bytes passes); the comparison takes the same time wherever the
     * first difference is.
     */
    public static boolean verify(ClientKey key, String canonical, String signatureHex) {
        byte[] expected = HEX.formatHex(mac(key, canonical)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHex.getBytes(StandardCharsets.UTF_8));
    }

    /** The key id of a client: its project and name, each URL-encoded, joined by a slash. */
    public static String keyId(ClientRef client) {
        return encode(client.project()) + "/" + encode(client.client());
    }

    /** The client a key id names, or empty when it is not one. */
    public static Optional<ClientRef> client(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        int slash = keyId.indexOf('/');
        if (slash <= 0 || slash != keyId.lastIndexOf('/') || slash == keyId.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClientRef(URLDecoder.decode(keyId.substring(0, slash), StandardCharsets.UTF_8),
                    URLDecoder.decode(keyId.substring(slash + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lower-case hex SHA-256 of {@code body}. */
    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** 128 random bits in hex. */
    public static String newNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return HEX.formatHex(nonce);
    }

    /** HMAC-SHA256 of {@code text} under {@code secret}: also how the server derives client keys. */
    public static byte[] hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    private static byte[] mac(ClientKey key, String canonical) {
        return hmac(key.secret(), canonical);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
