package org.testfarm.notify;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.testfarm.state.Status;

/**
 * How a client stands at one moment, as far as notifications care: the status
 * its newest finished execution gave it, which execution that was, and whether
 * it has gone missing (silent past its promise to report again).
 *
 * @param status    green or red after a finished execution, {@code INT} before any
 * @param execution the execution that decided {@code status}; empty before any
 * @param missing   whether the client is overdue
 */
public record Standing(Status status, String execution, boolean missing) {

    public Standing {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(execution, "execution");
    }

    /** A client that just finished {@code execution}, ok or not. */
    public static Standing after(String execution, boolean ok) {
        return new Standing(ok ? Status.GREEN : Status.RED, execution, false);
    }

    /** The same standing, missing or back. */
    public Standing missing(boolean value) {
        return new Standing(status, execution, value);
    }

    /** As a small dict, for a file (see {@link #fromMap}). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.wireName());
        out.put("execution", execution);
        out.put("missing", missing);
        return out;
    }

    /** Reads {@link #toMap()}'s dict back; anything unreadable reads as a client with no verdict. */
    public static Standing fromMap(Map<String, Object> map) {
        Status status;
        try {
            status = Status.valueOf(String.valueOf(map.get("status")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            status = Status.INT;
        }
        Object execution = map.get("execution");
        return new Standing(status, execution == null ? "" : String.valueOf(execution),
                Boolean.TRUE.equals(map.get("missing")));
    }
}
