package org.testfarm.notify;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.testfarm.event.ClientRef;
import org.testfarm.state.Status;

/** Notifications for the tests of channels. */
public final class Notifications {

    public static final ClientRef CLIENT = new ClientRef("demo project", "linux-debian");

    private Notifications() {
    }

    /** A client broken by a failing test task, with two commits and a details link. */
    public static Notification broken() {
        return new Notification(CLIENT, Optional.of("20240301-101010"), Transition.BROKEN, Status.RED,
                List.of(new FailedTask(2, "unit tests", "make check",
                        "test_parser.c:12: expected 3, got 4\nFAIL: test_parser")),
                List.of(new Commit("src", "Dev One <dev@example.org>", "abc123"),
                        new Commit("src", "Dev Two <two@example.org>", "def456")),
                Optional.of(URI.create("https://farm.example.org/demo%20project/details-linux-debian-20240301-101010.html")));
    }

    /** The same client passing again. */
    public static Notification recovered() {
        return new Notification(CLIENT, Optional.of("20240302-101010"), Transition.RECOVERED, Status.GREEN,
                List.of(), List.of(), Optional.empty());
    }
}
