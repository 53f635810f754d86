package org.testfarm.server.page;

import org.testfarm.state.Doing;
import org.testfarm.state.Outcome;
import org.testfarm.state.Status;

/** A state as pages show it: the CSS class that colours it and its words. */
public record StatusView(String css, String label) {

    public static StatusView of(Status status) {
        return switch (status) {
            case GREEN -> new StatusView("green", "green");
            case RED -> new StatusView("red", "red");
            case INT -> new StatusView("unknown", "unknown");
        };
    }

    public static StatusView of(Doing doing) {
        return switch (doing) {
            case RUN -> new StatusView("run", "running");
            case WAIT -> new StatusView("wait", "waiting");
            case OLD -> new StatusView("old", "not responding");
        };
    }

    /** Executions: stable, broken, running, or aborted (stopped by the client, or lost with it). */
    public static StatusView of(Outcome outcome) {
        return switch (outcome) {
            case OK -> new StatusView("stable", "stable");
            case FAILED -> new StatusView("broken", "broken");
            case RUNNING -> new StatusView("running", "running");
            case ABORTED -> new StatusView("aborted", "aborted");
            case LOST -> new StatusView("aborted", "aborted (lost)");
        };
    }

    /** A task or a command: ok, failed, or still running (null). */
    public static StatusView ofResult(Boolean ok) {
        if (ok == null) {
            return new StatusView("running", "RUNNING");
        }
        return ok ? new StatusView("ok", "OK") : new StatusView("failed", "FAILED");
    }
}
