package org.testfarm.tray;

import java.util.List;
import java.util.Locale;

/**
 * What a project's JSON feed says, as far as the indicator cares.
 *
 * @param clients the clients, with their status ({@code green}, {@code red}, {@code int})
 */
public record ProjectSummary(String project, List<Client> clients) {

    public ProjectSummary {
        clients = List.copyOf(clients);
    }

    /** One client of the feed. */
    public record Client(String name, String status, String doing, List<String> failedTasks) {
        public Client {
            status = status == null ? "int" : status.toLowerCase(Locale.ROOT);
            doing = doing == null ? "" : doing.toLowerCase(Locale.ROOT);
            failedTasks = List.copyOf(failedTasks);
        }

        public boolean red() {
            return status.equals("red");
        }
    }
}
