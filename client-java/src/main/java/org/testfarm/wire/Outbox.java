package org.testfarm.wire;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.testfarm.event.ClientRef;
import org.testfarm.spool.Spool;

/**
 * One client's reports on their way to the server: sent at once while nothing
 * waits, else appended to the client's {@link Spool} and replayed in order, with
 * a back-off that doubles after each failed try up to a cap.
 */
final class Outbox {

    private final ClientRef client;
    private final Spool spool;
    private final WirePost post;
    private final Consumer<String> warnings;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private Duration backoff;
    private long nextAttempt = System.nanoTime();
    private boolean closed;

    Outbox(ClientRef client, Spool spool, WirePost post, Consumer<String> warnings, Duration firstBackoff,
           Duration maxBackoff) {
        this.client = client;
        this.spool = spool;
        this.post = post;
        this.warnings = warnings;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = firstBackoff;
        spool.recovery().ifPresent(warnings);
    }

    /** Sends {@code request}, or spools it behind the reports still waiting. */
    synchronized void deliver(WireRequest request) {
        if (closed) {
            throw new IllegalStateException("logger closed: the spool " + spool.file() + " is closed");
        }
        if (spool.isEmpty()) {
            Delivery delivery = post.send(request, client);
            switch (delivery.kind()) {
                case DELIVERED -> {
                    return;
                }
                case REFUSED -> {
                    refused(delivery);
                    return;
                }
                default -> {
                    warnings.accept("the server cannot take reports now (" + delivery.message()
                            + "); keeping them in " + spool.file() + " until it can");
                    schedule(delivery);
                }
            }
        }
        try {
            spool.append(request.toBytes());
        } catch (IOException e) {
            warnings.accept("cannot keep a report in " + spool.file() + ", so it is lost: " + e.getMessage());
        }
    }

    synchronized boolean isEmpty() {
        return spool.isEmpty();
    }

    synchronized int waiting() {
        return spool.size();
    }

    /**
     * Replays the spool in order until it is empty or a send fails; unless
     * {@code now}, only once the back-off has passed.
     *
     * @return nanoseconds until the next try is due, 0 when nothing waits
     */
    synchronized long replay(boolean now) {
        if (closed || spool.isEmpty()) {
            return 0;
        }
        long due = nextAttempt - System.nanoTime();
        if (!now && due > 0) {
            return due;
        }
        int sent = 0;
        try {
            for (Optional<byte[]> head = spool.head(); head.isPresent(); head = spool.head()) {
                WireRequest request;
                try {
                    request = WireRequest.fromBytes(head.get());
                } catch (WireException damaged) {
                    warnings.accept("dropped a damaged report from " + spool.file() + ": " + damaged.getMessage());
                    spool.removeHead();
                    continue;
                }
                Delivery delivery = post.send(request, client);
                if (delivery.kind() == Delivery.Kind.RETRY) {
                    return schedule(delivery);
                }
                if (delivery.kind() == Delivery.Kind.REFUSED) {
                    refused(delivery);
                }
                spool.removeHead();
                sent++;
            }
        } catch (IOException e) {
            warnings.accept("cannot read " + spool.file() + ": " + e.getMessage());
            return schedule(Delivery.retry(e.getMessage(), null));
        }
        backoff = firstBackoff;
        warnings.accept("the server takes reports again: " + sent + " sent from " + spool.file());
        return 0;
    }

    private long schedule(Delivery delivery) {
        Duration wait = backoff;
        if (delivery.retryAfter() != null && delivery.retryAfter().compareTo(wait) > 0) {
            wait = delivery.retryAfter().compareTo(maxBackoff) > 0 ? maxBackoff : delivery.retryAfter();
        }
        nextAttempt = System.nanoTime() + wait.toNanos();
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        return wait.toNanos();
    }

    private void refused(Delivery delivery) {
        warnings.accept("the server refused a report, which is dropped: " + delivery.message());
    }

    synchronized void close() {
        closed = true;
        try {
            spool.close();
        } catch (IOException e) {
            warnings.accept("cannot close " + spool.file() + ": " + e.getMessage());
        }
    }
}
