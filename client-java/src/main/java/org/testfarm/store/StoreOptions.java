package org.testfarm.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LogStore} behaves. {@code autoRegister} creates unknown projects and
 * clients on first use (a client's local tree); a server leaves it off, so only
 * what the admin registered can report.
 */
public record StoreOptions(Clock clock, boolean autoRegister, Duration checkpointInterval,
                           long checkpointBytes, int openExecutions, int maxOutputChars) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (openExecutions < 1) {
            throw new IllegalArgumentException("openExecutions must be positive");
        }
        if (maxOutputChars < 1024) {
            throw new IllegalArgumentException("maxOutputChars must be at least 1024");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(Clock.systemDefaultZone(), false, Duration.ofSeconds(30), 8L << 20, 512, 1 << 20);
    }

    public StoreOptions withClock(Clock value) {
        return new StoreOptions(value, autoRegister, checkpointInterval, checkpointBytes, openExecutions, maxOutputChars);
    }

    public StoreOptions withAutoRegister(boolean value) {
        return new StoreOptions(clock, value, checkpointInterval, checkpointBytes, openExecutions, maxOutputChars);
    }

    /** The most characters of a command's output kept; beyond, its head and tail are kept and the cut marked. */
    public StoreOptions withMaxOutputChars(int value) {
        return new StoreOptions(clock, autoRegister, checkpointInterval, checkpointBytes, openExecutions, value);
    }

    public StoreOptions withCheckpoints(Duration interval, long bytes) {
        return new StoreOptions(clock, autoRegister, interval, bytes, openExecutions, maxOutputChars);
    }
}
