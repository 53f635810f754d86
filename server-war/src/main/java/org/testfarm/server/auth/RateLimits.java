package org.testfarm.server.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.testfarm.event.ClientRef;

/**
 * A token bucket per client (Bucket4j): {@code burst} reports at once, refilled
 * at {@code perSecond}. Only clients that proved who they are (a good signature,
 * or an unsigned report from a client allowed to send them) take from a bucket,
 * so nobody else can spend a client's allowance.
 */
public final class RateLimits {

    /** Context parameter and system property: the reports a client may send at once. */
    public static final String BURST_SETTING = "testfarm.rate.burst";
    /** Context parameter and system property: the reports per second a client may send for long; 0 for no limit. */
    public static final String PER_SECOND_SETTING = "testfarm.rate.per-second";
    public static final long DEFAULT_BURST = 2000;
    public static final long DEFAULT_PER_SECOND = 200;

    private final long burst;
    private final long perSecond;
    private final Map<ClientRef, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(long burst, long perSecond) {
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException(BURST_SETTING + " must be at least 1, not " + burst);
        }
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** The limits set by a context parameter, else a system property, else the defaults. */
    public static RateLimits configured(String burstParameter, String perSecondParameter) {
        return new RateLimits(setting(BURST_SETTING, burstParameter, DEFAULT_BURST),
                setting(PER_SECOND_SETTING, perSecondParameter, DEFAULT_PER_SECOND));
    }

    private static long setting(String name, String contextParameter, long fallback) {
        String text = contextParameter != null ? contextParameter : System.getProperty(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, 0 or more, not '" + text + "'");
        }
    }

    public long burst() {
        return burst;
    }

    public long perSecond() {
        return perSecond;
    }

    /**
     * Takes one report from {@code client}'s bucket.
     *
     * @return empty when taken, else the seconds to wait (at least 1)
     */
    public OptionalLong take(ClientRef client) {
        if (perSecond == 0) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()
                + TimeUnit.SECONDS.toNanos(1) - 1)));
    }
}
