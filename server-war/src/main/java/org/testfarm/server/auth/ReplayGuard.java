package org.testfarm.server.auth;

import java.time.Instant;
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
 * {@code maxPerClient} in any case. With a {@link NonceLog}, each nonce of an
 * admitted request is also written to disk ({@link #keep}), and those of the last
 * two windows are read back when the guard is made, so a request taken before a
 * restart is refused after it too.
 */
public final class ReplayGuard {

    private final long keepNanos = TimeUnit.SECONDS.toNanos(2 * RequestSignature.WINDOW_SECONDS);
    private final int maxPerClient;
    private final Map<ClientRef, Seen> clients = new ConcurrentHashMap<>();
    private final NonceLog log;

    /** A guard that remembers in memory only: a restart forgets. */
    public ReplayGuard(int maxPerClient) {
        this(maxPerClient, null);
    }

    /** A guard that writes what it takes to {@code log}, and begins with what the log took recently. */
    public ReplayGuard(int maxPerClient, NonceLog log) {
        this.maxPerClient = maxPerClient;
        this.log = log;
        if (log != null) {
            long nowNanos = System.nanoTime();
            long nowSeconds = Instant.now().getEpochSecond();
            for (NonceLog.Entry entry : log.recent(nowSeconds)) {
                long arrived = nowNanos - TimeUnit.SECONDS.toNanos(nowSeconds - entry.arrival());
                clients.computeIfAbsent(entry.client(), c -> new Seen()).use(entry.nonce(), arrived);
            }
        }
    }

    /** What became of a nonce. */
    public enum Verdict { FIRST_USE, REPLAY, FULL }

    /** Records {@code nonce} for {@code client}, unless it was used already or the memory is full. */
    public Verdict use(ClientRef client, String nonce, long nowNanos) {
        return clients.computeIfAbsent(client, c -> new Seen()).use(nonce, nowNanos);
    }

    /**
     * Writes a nonce {@link #use} took to the log, once its request is admitted (a
     * request refused anyway need not be remembered across a restart), before
     * anything is stored.
     *
     * @throws org.testfarm.store.StoreException when the log cannot be written
     */
    public void keep(ClientRef client, String nonce) {
        if (log != null) {
            log.record(Instant.now().getEpochSecond(), client, nonce);
        }
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
