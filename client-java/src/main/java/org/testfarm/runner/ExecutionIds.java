package org.testfarm.runner;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Execution ids as v1 clients make them: the local time {@code YYYYmmdd-HHMMSS}
 * when the execution starts. Two executions starting within the same second get
 * consecutive seconds, so ids stay unique, well formed and in order.
 */
public final class ExecutionIds {

    /** The id format, {@code 20130301-101010}. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Clock clock;
    private LocalDateTime last;

    public ExecutionIds(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes the next ids later than {@code id} too: one a previous process gave,
     * say. An id that is not in the format is ignored.
     */
    public synchronized void after(String id) {
        try {
            LocalDateTime earlier = LocalDateTime.parse(id.strip(), FORMAT);
            if (last == null || earlier.isAfter(last)) {
                last = earlier;
            }
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            // not an id of ours: nothing to stay after
        }
    }

    /** A new id, later than every id this instance gave before. */
    public synchronized String next() {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (last != null && !now.isAfter(last)) {
            now = last.plusSeconds(1);
        }
        last = now;
        return now.format(FORMAT);
    }
}
