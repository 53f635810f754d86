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
                           long checkpointBytes, int openExecutions) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (openExecutions < 1) {
            throw new IllegalArgumentException("openExecutions must be positive");
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(Clock.systemDefaultZone(), false, Duration.ofSeconds(30), 8L << 20, 512);
    }

    public StoreOptions withClock(Clock value) {
        return new StoreOptions(value, autoRegister, checkpointInterval, checkpointBytes, openExecutions);
    }

    public StoreOptions withAutoRegister(boolean value) {
        return new StoreOptions(clock, value, checkpointInterval, checkpointBytes, openExecutions);
    }

    public StoreOptions withCheckpoints(Duration interval, long bytes) {
        return new StoreOptions(clock, autoRegister, interval, bytes, openExecutions);
    }
}
