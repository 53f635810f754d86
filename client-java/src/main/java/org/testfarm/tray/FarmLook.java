package org.testfarm.tray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the watched farm looks after one round of polling: calm when every client
 * of every project is green (or not finished yet), burning when any client is
 * red, grey when a feed could not be read and none is red.
 *
 * @param red      {@code project/client} of each red client, with its failed tasks
 * @param problems why feeds could not be read, one line each
 */
public record FarmLook(Mood mood, Map<String, List<String>> red, List<String> problems, int clients) {

    /** What the icon shows. */
    public enum Mood { CALM, BURNING, UNREACHABLE }

    public FarmLook {
        red = Map.copyOf(red);
        problems = List.copyOf(problems);
    }

    /** The look of some summaries and the problems of the feeds that failed. */
    public static FarmLook of(List<ProjectSummary> summaries, List<String> problems) {
        Map<String, List<String>> red = new LinkedHashMap<>();
        int clients = 0;
        for (ProjectSummary summary : summaries) {
            for (ProjectSummary.Client client : summary.clients()) {
                clients++;
                if (client.red()) {
                    red.put(summary.project() + "/" + client.name(), client.failedTasks());
                }
            }
        }
        Mood mood = !red.isEmpty() ? Mood.BURNING : problems.isEmpty() ? Mood.CALM : Mood.UNREACHABLE;
        return new FarmLook(mood, red, problems, clients);
    }

    /** The clients red now that were not in {@code before} (all of them when there was no before). */
    public List<String> newlyRed(FarmLook before) {
        List<String> out = new ArrayList<>();
        for (String client : red.keySet()) {
            if (before == null || !before.red.containsKey(client)) {
                out.add(client);
            }
        }
        return out;
    }

    /** The icon's tooltip: one short line. */
    public String tooltip() {
        return switch (mood) {
            case CALM -> "TestFarm: all " + clients + " clients green";
            case BURNING -> "TestFarm: " + red.size() + " red: " + String.join(", ", red.keySet());
            case UNREACHABLE -> "TestFarm: " + problems.get(0);
        };
    }

    /** The balloon's text for a client that turned red. */
    public String balloon(String client) {
        List<String> tasks = red.getOrDefault(client, List.of());
        return client + " is red" + (tasks.isEmpty() ? "" : ": failed " + String.join(", ", tasks));
    }
}
