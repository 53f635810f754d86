package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.NonceLog;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.server.auth.ReplayGuard;
import org.testfarm.store.ClientAccess.Access;
import org.testfarm.store.InvalidNameException;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;

/**
 * Who may report: checks a signed request's signature, timestamp and nonce
 * ({@link RequestSignature}), lets unsigned reports through only for clients the
 * admin allowed to send them, holds a key to its own client, and applies the
 * rate limits. Every refusal is a {@link Refusal}, raised before anything is
 * written. What each client may do is read from disk at most every
 * {@link #REFRESH_NANOS}, so a check costs no disk access.
 */
final class ClientGuard {

    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_CACHED = 10_000;
    private static final int MAX_NONCES_PER_CLIENT = 1_000_000;

    private record Known(Access access, ClientKey key, long readAt) {}

    /** Who signed a request, and its nonce. */
    record Signer(ClientRef client, String nonce) {}

    private final KeyRing keys;
    private final RateLimits limits;
    private final NonceLog nonces;
    private final ReplayGuard replays;
    private final Map<ClientRef, Known> known = new ConcurrentHashMap<>();

    /** {@code nonces} keeps the nonces taken across restarts. */
    ClientGuard(KeyRing keys, RateLimits limits, NonceLog nonces) {
        this.keys = keys;
        this.limits = limits;
        this.nonces = nonces;
        this.replays = new ReplayGuard(MAX_NONCES_PER_CLIENT, nonces);
    }

    /** Closes the nonce log's open file (a new guard reopens it). */
    void close() {
        nonces.close();
    }

    /** Whether the request claims to be signed: then it must be signed right. */
    static boolean signed(HttpServletRequest request) {
        return request.getHeader(RequestSignature.SIGNATURE) != null
                || request.getHeader(RequestSignature.KEY) != null;
    }

    /**
     * Checks the signature of a request whose body is {@code body}.
     *
     * @return the client whose key signed it, and the request's nonce
     * @throws Refusal 401 for a missing or malformed header, an unknown key, a
     *         timestamp out of the window, a bad signature or a nonce used already
     */
    Signer verify(HttpServletRequest request, String wireMethod, byte[] body) {
        String keyId = header(request, RequestSignature.KEY);
        String timestamp = header(request, RequestSignature.TIMESTAMP);
        String nonce = header(request, RequestSignature.NONCE);
        String digest = header(request, RequestSignature.CONTENT_SHA256);
        String signature = header(request, RequestSignature.SIGNATURE);
        ClientRef signer = RequestSignature.client(keyId)
                .orElseThrow(() -> Refusal.unauthorized(RequestSignature.KEY + " is not PROJECT/CLIENT, URL-encoded"));
        long time;
        try {
            time = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            time = -1;
        }
        if (time < 0 || !timestamp.equals(Long.toString(time))) { // one spelling only: what is signed is the number
            throw Refusal.unauthorized(RequestSignature.TIMESTAMP + " is not a number of seconds since 1970");
        }
        long skew = time - Instant.now().getEpochSecond();
        if (Math.abs(skew) > RequestSignature.WINDOW_SECONDS) {
            throw Refusal.unauthorized("the request's timestamp is " + Math.abs(skew) + " s "
                    + (skew < 0 ? "old" : "ahead") + "; more than " + RequestSignature.WINDOW_SECONDS
                    + " s apart from the server's clock (set the client's clock right)");
        }
        if (nonce.length() < 16 || nonce.length() > 64 || !nonce.chars().allMatch(ClientGuard::nonceChar)) {
            throw Refusal.unauthorized(RequestSignature.NONCE + " must be 16 to 64 letters, digits, '-' or '_'");
        }
        String bodyDigest = RequestSignature.sha256Hex(body);
        if (!bodyDigest.equals(digest)) {
            throw Refusal.unauthorized(RequestSignature.CONTENT_SHA256 + " is not the SHA-256 of the body");
        }
        Known client;
        try {
            client = lookUp(signer).orElseThrow(() -> Refusal.unauthorized("no client " + signer + " has a key"));
        } catch (InvalidNameException e) {
            throw Refusal.unauthorized("no client " + signer + " has a key");
        }
        String canonical = RequestSignature.canonical(request.getMethod(), wireMethod, request.getQueryString(),
                request.getContentType(), keyId, time, nonce, bodyDigest);
        if (!RequestSignature.verify(client.key(), canonical, signature)) {
            throw Refusal.unauthorized("the signature does not match the key of " + signer
                    + " (a wrong or replaced key, or a request changed on the way)");
        }
        take(signer);
        switch (replays.use(signer, nonce, System.nanoTime())) {
            case REPLAY -> throw Refusal.unauthorized("this request was taken already (its nonce is used, before or"
                    + " after a restart of the server)");
            case FULL -> throw Refusal.tooMany("too many requests from " + signer + " in the last minutes", 60);
            default -> {
                return new Signer(signer, nonce);
            }
        }
    }

    /**
     * Whether a decoded report for {@code client} may go to the store.
     *
     * Once a signed report is admitted, its nonce is written to disk, so it is
     * refused after a restart too.
     *
     * @param signer who signed the request, null when unsigned
     * @throws Refusal 403 when {@code signer} is another client, 401 when the
     *         report is unsigned and {@code client} must sign, 429 over the rate
     */
    void admit(ClientRef client, Signer signer) {
        if (signer != null) {
            if (!signer.client().equals(client)) {
                throw Refusal.forbidden("the key of " + signer.client() + " may only report for " + signer.client()
                        + ", not for " + client);
            }
            replays.keep(signer.client(), signer.nonce());
            return; // its bucket was charged when the signature was checked
        }
        Optional<Known> registered;
        try {
            registered = lookUp(client);
        } catch (InvalidNameException e) {
            return; // the store refuses the name (400) and writes nothing
        }
        if (registered.isEmpty()) {
            return; // the store answers ProjectNotFound or ClientNotFound, as upstream did, and writes nothing
        }
        if (!registered.get().access().legacyUnsigned()) {
            throw Refusal.unauthorized("client " + client + " must sign its reports with its key"
                    + " (see 'testfarm addclient'); unsigned reports are taken only from clients registered"
                    + " with --legacy-unsigned");
        }
        take(client);
    }

    private void take(ClientRef client) {
        OptionalLong wait = limits.take(client);
        if (wait.isPresent()) {
            throw Refusal.tooMany("client " + client + " sends more than " + limits.perSecond()
                    + " reports a second (beyond bursts of " + limits.burst() + ")", wait.getAsLong());
        }
    }

    private Optional<Known> lookUp(ClientRef client) {
        long now = System.nanoTime();
        Known cached = known.get(client);
        if (cached != null && now - cached.readAt() < REFRESH_NANOS) {
            return Optional.of(cached);
        }
        Optional<Access> access = keys.access(client);
        if (access.isEmpty()) {
            known.remove(client);
            return Optional.empty();
        }
        Known fresh = new Known(access.get(), keys.key(client, access.get().generation()), now);
        if (known.size() >= MAX_CACHED) {
            known.clear();
        }
        known.put(client, fresh);
        return Optional.of(fresh);
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            throw Refusal.unauthorized("a signed request needs the header " + name);
        }
        return value.strip();
    }

    private static boolean nonceChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    }
}
