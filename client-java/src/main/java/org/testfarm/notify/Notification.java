package org.testfarm.notify;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.testfarm.event.ClientRef;
import org.testfarm.state.Status;

/**
 * What a channel tells: which client, which execution, what changed, the failed
 * tasks with the end of their output, the changes that triggered it and a link
 * to the execution's details page. An immutable value; channels only format it.
 *
 * @param execution the execution that decided {@code status}, if any
 * @param status    the client's status now (green, red, or int before any verdict)
 * @param details   the execution's details page on the farm's web site, if known
 */
public record Notification(ClientRef client, Optional<String> execution, Transition transition, Status status,
                           List<FailedTask> failedTasks, List<Commit> commits, Optional<URI> details) {

    public Notification {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(status, "status");
        failedTasks = List.copyOf(failedTasks);
        commits = List.copyOf(commits);
        Objects.requireNonNull(details, "details");
    }

    public String project() {
        return client.project();
    }

    public String clientName() {
        return client.client();
    }

    /** Red when failing, green when passing, grey when missing or before any verdict. */
    public Colour colour() {
        if (transition == Transition.MISSING || status == Status.INT) {
            return Colour.GREY;
        }
        return status == Status.RED ? Colour.RED : Colour.GREEN;
    }

    /**
     * One line: {@code myproject/linux is broken (execution 20240301-101010)}; a
     * client missing or back is not about an execution: {@code myproject/linux is missing}.
     */
    public String headline() {
        boolean verdict = transition != Transition.MISSING && transition != Transition.BACK;
        return project() + "/" + clientName() + " " + transition.phrase()
                + execution.filter(e -> verdict).map(e -> " (execution " + e + ")").orElse("");
    }

    /** The colours of a notification, as subjects and icons name them. */
    public enum Colour {
        GREEN, RED, GREY;

        /** The word v1 put into a mail subject's {@code %s}: {@code GREEN}, {@code RED}, {@code GREY}. */
        public String label() {
            return name();
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
