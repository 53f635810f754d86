package org.testfarm.server.page;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;

import org.testfarm.event.ClientRef;
import org.testfarm.store.StatsSeries;

/**
 * {@code <client>-stats.html}: a plot per stats key (PNG, drawn by the server),
 * the latest values as a table, and the data as JSON and CSV beside it.
 */
public record StatsPage(Frame frame, String project, String client, int executions, List<Chart> charts,
                        List<String> keys, List<Row> recent, String jsonHref, String csvHref) implements PageModel {

    @Override
    public String template() {
        return TEMPLATE;
    }

    public static final String TEMPLATE = "stats";
    public static final int RECENT = 20;

    public record Chart(String key, String src, String alt, String latest, String minimum, String maximum,
                        int points) {
    }

    public record Row(String execution, String href, List<String> values) {
    }

    public StatsPage {
        charts = List.copyOf(charts);
        keys = List.copyOf(keys);
        recent = List.copyOf(recent);
    }

    public static StatsPage of(ClientRef client, StatsSeries stats) {
        List<Chart> charts = new ArrayList<>();
        int number = 1;
        for (String key : stats.keys()) {
            NavigableMap<String, Number> series = stats.series(key);
            double min = series.values().stream().mapToDouble(Number::doubleValue).min().orElse(0);
            double max = series.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
            charts.add(new Chart(key, Links.href(Links.chartFile(client, number++)),
                    "Plot of " + key + " over " + series.size() + " executions",
                    series.isEmpty() ? "" : format(series.lastEntry().getValue()), format(min), format(max),
                    series.size()));
        }
        NavigableSet<String> executions = stats.executions();
        List<Row> recent = new ArrayList<>();
        for (String execution : executions.descendingSet()) {
            if (recent.size() == RECENT) {
                break;
            }
            List<String> values = new ArrayList<>();
            for (String key : stats.keys()) {
                Number value = stats.series(key).get(execution);
                values.add(value == null ? "" : format(value));
            }
            recent.add(new Row(execution, Links.href(Links.detailsFile(client.execution(execution))), values));
        }
        Frame frame = Frame.inProject(List.of(client.client(), "stats"), client.project(), 0,
                new Link(client.client(), "history.html#" + HistoryPage.anchor(client)),
                new Link("Stats", Links.href(Links.statsFile(client))));
        return new StatsPage(frame, client.project(), client.client(), executions.size(), charts,
                List.copyOf(stats.keys()), recent, Links.href(Links.statsDataFile(client, "json")),
                Links.href(Links.statsDataFile(client, "csv")));
    }

    /** A number without a needless ".0". */
    static String format(Number value) {
        double d = value.doubleValue();
        if (value instanceof Double || value instanceof Float) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
        return String.valueOf(value);
    }

    static String format(double value) {
        return format((Number) value);
    }
}
