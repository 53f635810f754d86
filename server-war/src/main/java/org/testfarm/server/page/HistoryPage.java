package org.testfarm.server.page;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.markup.Html;
import org.testfarm.state.ClientState;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.FarmState;
import org.testfarm.state.Outcome;

/**
 * A project's history: a column per client, a row per day (newest first), in each
 * cell that client's executions of the day as bubbles. {@code history.html} shows
 * the latest {@value #LATEST_DAYS} days with executions and the clients' current
 * state; {@code history-YYYY-MM.html} keeps a whole month, so an archive page
 * changes only when its own executions do. Only the shown executions are read.
 */
public record HistoryPage(Frame frame, String project, String heading, boolean latest, List<Column> columns,
                          List<Day> days, List<Link> months) implements PageModel {

    @Override
    public String template() {
        return TEMPLATE;
    }

    public static final String TEMPLATE = "history";
    public static final int LATEST_DAYS = 14;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** A client; {@code current} when its status, doing and stats thumbnail are shown. */
    public record Column(String name, String anchor, Html brief, boolean current, StatusView status,
                         StatusView doing, String statsHref, String thumbnailSrc) {
    }

    public record Day(String label, String iso, List<Cell> cells) {
    }

    public record Cell(List<Bubble> bubbles) {
    }

    public record Bubble(StatusView outcome, String start, String end, String href, String title) {
    }

    public HistoryPage {
        columns = List.copyOf(columns);
        days = List.copyOf(days);
        months = List.copyOf(months);
    }

    /** The latest days, with the clients' current state. */
    public static HistoryPage latest(ExecutionIndex index, String project) {
        return latest(index, project, index.farm()::client);
    }

    /** @param clients the state of a client, as {@link FarmState#client} gives it */
    public static HistoryPage latest(ExecutionIndex index, String project, Function<ClientRef, ClientState> clients) {
        HistoryLayout layout = HistoryLayout.of(index, project);
        List<LocalDate> shown = layout.shownDays(null);
        List<Column> columns = new ArrayList<>();
        for (ClientRef client : layout.clients) {
            ClientState state = clients.apply(client);
            boolean stats = index.store().hasStats(client);
            columns.add(new Column(client.client(), anchor(client), Descriptions.brief(state.meta()), true,
                    StatusView.of(state.status()), StatusView.of(state.doing()), Links.href(Links.statsFile(client)),
                    stats ? Links.href(Links.thumbnailFile(client)) : ""));
        }
        Frame frame = Frame.inProject(List.of(project, "history"), project, SummaryPage.REFRESH_SECONDS,
                new Link("History", "history.html"));
        return new HistoryPage(frame, project, "Latest days", true, columns,
                rows(index, layout, shown), layout.months());
    }

    /** One month, as an archive page. */
    public static HistoryPage month(ExecutionIndex index, String project, YearMonth month) {
        HistoryLayout layout = HistoryLayout.of(index, project);
        List<Column> columns = new ArrayList<>();
        for (ClientRef client : layout.clients) {
            columns.add(new Column(client.client(), anchor(client),
                    Descriptions.brief(index.clientMeta(client)), false, null, null,
                    Links.href(Links.statsFile(client)), ""));
        }
        String title = MONTH.format(month);
        Frame frame = Frame.inProject(List.of(project, "history of " + title), project, 0,
                new Link("History", "history.html"), new Link(title, Links.historyFile(month.toString())));
        return new HistoryPage(frame, project, title, false, columns,
                rows(index, layout, layout.shownDays(month)), layout.months());
    }

    /** The months that have executions, newest first. */
    public static List<YearMonth> months(ExecutionIndex index, String project) {
        return HistoryLayout.of(index, project).monthList();
    }

    /** The executions a history page shows: of the latest days (month null), or of one month. */
    public static List<ExecutionRef> shown(ExecutionIndex index, String project, YearMonth month) {
        return HistoryLayout.of(index, project).shown(month);
    }

    private static List<Day> rows(ExecutionIndex index, HistoryLayout layout, List<LocalDate> days) {
        Map<LocalDate, List<List<Bubble>>> grid = new TreeMap<>(Collections.reverseOrder());
        days.forEach(d -> {
            List<List<Bubble>> cells = new ArrayList<>();
            layout.clients.forEach(c -> cells.add(new ArrayList<>()));
            grid.put(d, cells);
        });
        for (int column = 0; column < layout.clients.size(); column++) {
            ClientRef client = layout.clients.get(column);
            String newest = layout.newest(client);
            for (String id : layout.executionsOn(client, days)) {
                ExecutionSummary summary = index.summary(client.execution(id));
                Outcome outcome = index.outcomeNow(summary, !id.equals(newest));
                grid.get(layout.dayOf(client, id)).get(column).add(bubble(summary, outcome));
            }
        }
        List<Day> out = new ArrayList<>();
        grid.forEach((day, cells) -> out.add(new Day(DAY.format(day), day.toString(),
                cells.stream().map(Cell::new).toList())));
        return out;
    }

    private static Bubble bubble(ExecutionSummary summary, Outcome outcome) {
        StatusView view = StatusView.of(outcome);
        String start = summary.startTime().map(TimeView.CLOCK::format).orElse(summary.id());
        String end = summary.stopTime().map(stop -> clock(summary.start(), stop))
                .orElse(outcome == Outcome.RUNNING ? "…" : "?");
        String title = summary.id() + ": " + view.label()
                + (summary.failedTasks().isEmpty() ? "" : " (" + String.join(", ", summary.failedTasks()) + ")");
        return new Bubble(view, start, end, Links.href(Links.detailsFile(summary.ref())), title);
    }

    private static String clock(LocalDateTime start, LocalDateTime stop) {
        String time = TimeView.CLOCK.format(stop);
        return start != null && !start.toLocalDate().equals(stop.toLocalDate()) ? time + " +"
                + (stop.toLocalDate().toEpochDay() - start.toLocalDate().toEpochDay()) + "d" : time;
    }

    static String anchor(ClientRef client) {
        return "client-" + Links.encode(client.client());
    }
}
