package org.testfarm.server.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.testfarm.event.ClientRef;
import org.testfarm.wire.RequestSignature;

/**
 * Remembers the nonces each client used recently, so a signed request is taken
 * once. A request is only taken while its timestamp is within the window of the
 * server's clock, and its timestamp is at most one window ahead of its arrival,
 * so a nonce can be forgotten two windows after it arrived: the memory is bounded
 * by what a client may send in ten minutes (see {@link RateLimits}), and by
 * {@code maxPerClient} in any case.
 */
public final class ReplayGuard {

    private final long keepNanos = TimeUnit.SECONDS.toNanos(2 * RequestSignature.WINDOW_SECONDS);
    private final int maxPerClient;
    private final Map<ClientRef, Seen> clients = new ConcurrentHashMap<>();

    public ReplayGuard(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /** What became of a nonce. */
    public enum Verdict { FIRST_USE, REPLAY, FULL }

    /** Records {@code nonce} for {@code client}, unless it was used already or the memory is full. */
    public Verdict use(ClientRef client, String nonce, long nowNanos) {
        return clients.computeIfAbsent(client, c -> new Seen()).use(nonce, nowNanos);
    }

    private final class Seen {
        /** nonce to arrival time, in arrival order */
        private final LinkedHashMap<String, Long> arrivals = new LinkedHashMap<>();

        synchronized Verdict use(String nonce, long now) {
            for (Iterator<Long> oldest = arrivals.values().iterator(); oldest.hasNext(); ) {
                if (now - oldest.next() <= keepNanos) {
                    break;
                }
                oldest.remove();
            }
            if (arrivals.containsKey(nonce)) {
                return Verdict.REPLAY;
            }
            if (arrivals.size() >= maxPerClient) {
                return Verdict.FULL;
            }
            arrivals.put(nonce, now);
            return Verdict.FIRST_USE;
        }
    }
}
