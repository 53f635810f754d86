package org.testfarm.server.page;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.server.markup.Html;
import org.testfarm.state.ClientState;
import org.testfarm.state.Doing;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.FarmState;
import org.testfarm.state.Status;
import org.testfarm.state.TaskState;

/**
 * A project's {@code index.html}: one row per client with its last build status
 * (and the failed tasks, linked to that execution and to the changes since it
 * was last green), what it does now, when it last reported; a status line above.
 */
public record SummaryPage(Frame frame, String project, Html brief, Html description, Counts counts,
                          List<Row> rows, TimeView generated) implements PageModel {

    @Override
    public String template() {
        return TEMPLATE;
    }

    public static final String TEMPLATE = "summary";
    public static final int REFRESH_SECONDS = 60;

    /** The status line: how many clients are red, not responding, green, running, unknown. */
    public record Counts(int red, int notResponding, int green, int running, int unknown) {
    }

    /**
     * @param doingWhen   words before {@code doingTime}: "since", "next check due"
     * @param doingTask   the running task, linked by {@code doingHref}
     */
    public record Row(String name, String anchor, Html brief, Html description, StatusView status,
                      List<String> failedTasks, String statusHref, String changesHref, TimeView statusTime,
                      StatusView doing, String doingTask, String doingHref, String doingWhen, TimeView doingTime,
                      TimeView lastUpdate, String historyHref, String statsHref, String badgeHref) {
    }

    public SummaryPage {
        rows = List.copyOf(rows);
    }

    public static SummaryPage of(FarmState farm, String project) {
        return of(farm, project, farm.clients(project));
    }

    /** @param clients the states of the project's clients, as {@link FarmState#clients} gives them */
    public static SummaryPage of(FarmState farm, String project, List<ClientState> clients) {
        Map<String, Object> meta = farm.store().projectMeta(project);
        List<Row> rows = new ArrayList<>();
        int red = 0, old = 0, green = 0, running = 0, unknown = 0;
        for (ClientState client : clients) {
            rows.add(row(farm, client));
            red += client.status() == Status.RED ? 1 : 0;
            green += client.status() == Status.GREEN ? 1 : 0;
            unknown += client.status() == Status.INT ? 1 : 0;
            old += client.doing() == Doing.OLD ? 1 : 0;
            running += client.doing() == Doing.RUN ? 1 : 0;
        }
        Frame frame = new Frame(List.of(project, "summary"), "../",
                List.of(new Link("All projects", "../index.html"), new Link(project, "index.html")), REFRESH_SECONDS);
        return new SummaryPage(frame, project, Descriptions.brief(meta), Descriptions.full(meta),
                new Counts(red, old, green, running, unknown), rows, TimeView.of(farm.now()));
    }

    private static Row row(FarmState farm, ClientState client) {
        ClientRef ref = client.ref();
        String statusHref = client.statusExecution().map(e -> Links.href(Links.detailsFile(e.ref()))).orElse("");
        String changesHref = client.status() == Status.RED && !statusHref.isEmpty() ? statusHref + "#changes" : "";
        String doingTask = "";
        String doingHref = "";
        String doingWhen = "";
        TimeView doingTime = TimeView.NONE;
        switch (client.doing()) {
            case RUN -> {
                doingTask = client.currentTask().map(SummaryPage::taskName).orElse("");
                doingHref = client.currentExecution().map(e -> Links.href(Links.detailsFile(e.ref()))).orElse("");
                doingWhen = "since";
                doingTime = TimeView.of(client.runningSince());
            }
            case WAIT -> {
                doingWhen = "next check due";
                doingTime = TimeView.of(client.expectedIdle());
            }
            case OLD -> {
                doingWhen = "since";
                doingTime = TimeView.of(client.expectedIdle().isPresent() ? client.expectedIdle().get()
                        : lastHeard(farm, client));
            }
        }
        return new Row(client.name(), "client-" + Links.encode(client.name()), Descriptions.brief(client.meta()),
                Descriptions.full(client.meta()), StatusView.of(client.status()), client.failedTasks(), statusHref,
                changesHref, TimeView.of(client.statusExecution().flatMap(ExecutionState::startTime)),
                StatusView.of(client.doing()), doingTask, doingHref, doingWhen, doingTime,
                TimeView.of(lastHeard(farm, client)), "history.html#" + "client-" + Links.encode(client.name()),
                Links.href(Links.statsFile(ref)), Links.href(Links.badgeFile(ref)));
    }

    static String taskName(TaskState task) {
        return task.description().isBlank() ? "task " + task.number() : task.description();
    }

    /** When the client last reported anything: an event of its newest execution, or its idle time. */
    static LocalDateTime lastHeard(FarmState farm, ClientState client) {
        Instant last = client.newest().map(ExecutionState::lastActivity).orElse(null);
        Instant idle = farm.store().idleReported(client.ref()).orElse(null);
        if (idle != null && (last == null || idle.isAfter(last))) {
            last = idle;
        }
        return last == null ? null : LocalDateTime.ofInstant(last, farm.zone());
    }
}
