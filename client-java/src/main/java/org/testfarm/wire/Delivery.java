package org.testfarm.wire;

import java.time.Duration;

/**
 * What became of one request sent to the server.
 *
 * @param kind       delivered, refused for good, or to be tried again later
 * @param message    for a refusal or a retry: what went wrong, the server's answer included
 * @param retryAfter how long the server asked to wait (503's Retry-After), or null
 */
record Delivery(Kind kind, String message, Duration retryAfter) {

    enum Kind { DELIVERED, REFUSED, RETRY }

    static final Delivery DELIVERED = new Delivery(Kind.DELIVERED, null, null);

    static Delivery refused(String message) {
        return new Delivery(Kind.REFUSED, message, null);
    }

    static Delivery retry(String message, Duration retryAfter) {
        return new Delivery(Kind.RETRY, message, retryAfter);
    }
}
