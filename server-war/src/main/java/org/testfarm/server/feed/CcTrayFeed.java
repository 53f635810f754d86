package org.testfarm.server.feed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.testfarm.server.page.Links;
import org.testfarm.state.ClientState;
import org.testfarm.state.Doing;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.FarmState;

/**
 * {@code cc.xml}: the CCTray format that desktop build monitors read, a
 * {@code <Project>} per client named {@code project/client}. Links are absolute
 * when the site's address is known (live, or {@code generate --base-url}),
 * else relative to the feed.
 */
public record CcTrayFeed(List<Project> projects) {

    public static final String TEMPLATE = "feed/cctray.vm";

    public record Project(String name, String activity, String lastBuildStatus, String lastBuildLabel,
                          String lastBuildTime, String webUrl) {
    }

    public CcTrayFeed {
        projects = List.copyOf(projects);
    }

    /**
     * @param base    the site root as an absolute URL ending in '/', or "" for relative links
     * @param atRoot  whether the feed sits at the site root (links go into project folders) or in a project folder
     */
    public static CcTrayFeed of(FarmState farm, List<String> projectNames, String base, boolean atRoot) {
        return of(farm, projectNames, base, atRoot, farm::clients);
    }

    /** @param clients the states of a project's clients, as {@link FarmState#clients} gives them */
    public static CcTrayFeed of(FarmState farm, List<String> projectNames, String base, boolean atRoot,
                                Function<String, List<ClientState>> clients) {
        List<Project> projects = new ArrayList<>();
        for (String project : projectNames) {
            String folder = base + (atRoot || !base.isEmpty() ? Links.encode(project) + "/" : "");
            for (ClientState client : clients.apply(project)) {
                Optional<ExecutionState> decisive = client.statusExecution();
                String status = switch (client.status()) {
                    case GREEN -> "Success";
                    case RED -> "Failure";
                    case INT -> "Unknown";
                };
                LocalDateTime time = decisive.flatMap(e -> e.stopTime().or(e::startTime))
                        .or(() -> client.newest().flatMap(ExecutionState::startTime)).orElse(farm.now());
                String url = folder + decisive.map(e -> Links.href(Links.detailsFile(e.ref()))).orElse("index.html");
                projects.add(new Project(project + "/" + client.name(),
                        client.doing() == Doing.RUN ? "Building" : "Sleeping", status,
                        decisive.map(ExecutionState::id).orElse(""), FeedTimes.iso(time, farm.zone()), url));
            }
        }
        return new CcTrayFeed(projects);
    }
}
