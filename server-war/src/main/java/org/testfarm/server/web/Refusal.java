package org.testfarm.server.web;

import org.testfarm.TestFarmException;

/**
 * A report the server will not take from this caller, whatever it says: 401 (no
 * valid signature), 403 (a key writing for another client) or 429 (too many
 * reports, with the seconds to wait). Nothing was written.
 */
final class Refusal extends TestFarmException {

    private final int status;
    private final long retryAfterSeconds;

    private Refusal(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Refusal unauthorized(String why) {
        return new Refusal(401, "Unauthorized: " + why, 0);
    }

    static Refusal forbidden(String why) {
        return new Refusal(403, "Forbidden: " + why, 0);
    }

    static Refusal tooMany(String why, long retryAfterSeconds) {
        return new Refusal(429, "TooManyRequests: " + why, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
