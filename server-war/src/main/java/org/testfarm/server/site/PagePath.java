package org.testfarm.server.site;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.page.Links;
import org.testfarm.store.LogStore;
import org.testfarm.store.Names;

/**
 * The address of one file of the site: its kind and what it is about. The same
 * relative file name is served live and written by a static generation.
 */
public record PagePath(Kind kind, String project, String client, String execution, String detail) {

    /** Every kind of file, with its media type. */
    public enum Kind {
        ROOT("text/html"), ROOT_CCTRAY("application/xml"), ASSET(null),
        SUMMARY("text/html"), HISTORY("text/html"), HISTORY_MONTH("text/html"),
        SUMMARY_JSON("application/json"), SUMMARY_JSONP("application/javascript"),
        CCTRAY("application/xml"), ATOM("application/atom+xml"),
        DETAILS("text/html"), STATS("text/html"), STATS_CHART("image/png"), STATS_THUMB("image/png"),
        STATS_JSON("application/json"), STATS_CSV("text/csv"), BADGE("image/svg+xml");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    public static final String STATIC = "static";
    public static final List<String> ASSETS = List.of("testfarm.css", "ansi.css", "testfarm.js", "favicon.svg");
    private static final Set<Kind> HAS_BASE = Set.of(Kind.ROOT_CCTRAY, Kind.CCTRAY, Kind.ATOM);
    private static final Pattern MONTH = Pattern.compile("history-(\\d{4}-\\d{2})\\.html");
    private static final Pattern CHART = Pattern.compile("(.+)-stats-(\\d{1,4})\\.png");

    public static PagePath root() { return new PagePath(Kind.ROOT, "", "", "", ""); }
    public static PagePath rootCcTray() { return new PagePath(Kind.ROOT_CCTRAY, "", "", "", ""); }
    public static PagePath asset(String name) { return new PagePath(Kind.ASSET, "", "", "", name); }
    public static PagePath of(Kind kind, String project) { return new PagePath(kind, project, "", "", ""); }
    public static PagePath month(String project, YearMonth month) {
        return new PagePath(Kind.HISTORY_MONTH, project, "", "", month.toString());
    }
    public static PagePath of(Kind kind, ClientRef client) { return new PagePath(kind, client.project(), client.client(), "", ""); }
    public static PagePath chart(ClientRef client, int number) {
        return new PagePath(Kind.STATS_CHART, client.project(), client.client(), "", String.valueOf(number));
    }
    public static PagePath details(ExecutionRef ref) {
        return new PagePath(Kind.DETAILS, ref.project(), ref.client(), ref.execution(), "");
    }

    public ClientRef clientRef() {
        return new ClientRef(project, client);
    }

    public ExecutionRef executionRef() {
        return new ExecutionRef(project, client, execution);
    }

    public String contentType() {
        if (kind != Kind.ASSET) {
            return kind.type;
        }
        return detail.endsWith(".css") ? "text/css" : detail.endsWith(".js") ? "application/javascript" : "image/svg+xml";
    }

    /** Whether its content names the site's absolute address (feeds read by other programs). */
    public boolean usesBase() {
        return HAS_BASE.contains(kind);
    }

    /** Its file name relative to the site root, with '/' between folders. */
    public String file() {
        String in = project + "/";
        ClientRef ref = kind.ordinal() >= Kind.DETAILS.ordinal() ? clientRef() : null;
        return switch (kind) {
            case ROOT -> "index.html";
            case ROOT_CCTRAY -> "cc.xml";
            case ASSET -> STATIC + "/" + detail;
            case SUMMARY -> in + "index.html";
            case HISTORY -> in + Links.historyFile(null);
            case HISTORY_MONTH -> in + Links.historyFile(detail);
            case SUMMARY_JSON -> in + "testfarm-data.js";
            case SUMMARY_JSONP -> in + "testfarm-data.jsond";
            case CCTRAY -> in + "cc.xml";
            case ATOM -> in + "feed.atom";
            case DETAILS -> in + Links.detailsFile(executionRef());
            case STATS -> in + Links.statsFile(ref);
            case STATS_CHART -> in + Links.chartFile(ref, Integer.parseInt(detail));
            case STATS_THUMB -> in + Links.thumbnailFile(ref);
            case STATS_JSON -> in + Links.statsDataFile(ref, "json");
            case STATS_CSV -> in + Links.statsDataFile(ref, "csv");
            case BADGE -> in + Links.badgeFile(ref);
        };
    }

    /** The file a request path names, if the tree holds what it is about. */
    public static Optional<PagePath> parse(List<String> segments, LogStore store) {
        if (segments.isEmpty() || segments.equals(List.of("index.html"))) {
            return Optional.of(root());
        }
        if (segments.equals(List.of("cc.xml"))) {
            return Optional.of(rootCcTray());
        }
        if (segments.size() == 2 && segments.get(0).equals(STATIC)) {
            return ASSETS.contains(segments.get(1)) ? Optional.of(asset(segments.get(1))) : Optional.empty();
        }
        if (segments.isEmpty() || segments.size() > 2 || !Names.isValid(segments.get(0))
                || !store.hasProject(segments.get(0))) {
            return Optional.empty();
        }
        String project = segments.get(0);
        String file = segments.size() == 1 ? "index.html" : segments.get(1);
        return inProject(project, file, store);
    }

    private static Optional<PagePath> inProject(String project, String file, LogStore store) {
        switch (file) {
            case "index.html": return Optional.of(of(Kind.SUMMARY, project));
            case "history.html": return Optional.of(of(Kind.HISTORY, project));
            case "cc.xml": return Optional.of(of(Kind.CCTRAY, project));
            case "feed.atom": return Optional.of(of(Kind.ATOM, project));
            case "testfarm-data.js": return Optional.of(of(Kind.SUMMARY_JSON, project));
            case "testfarm-data.jsond": return Optional.of(of(Kind.SUMMARY_JSONP, project));
            default: break;
        }
        Matcher month = MONTH.matcher(file);
        if (month.matches()) {
            try {
                return Optional.of(month(project, YearMonth.parse(month.group(1))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (file.startsWith("details-") && file.endsWith(".html")) {
            return details(project, file.substring(8, file.length() - 5), store);
        }
        Matcher chart = CHART.matcher(file);
        if (chart.matches() && client(project, chart.group(1), store).isPresent()) {
            return Optional.of(chart(new ClientRef(project, chart.group(1)), Integer.parseInt(chart.group(2))));
        }
        for (Kind kind : List.of(Kind.STATS_THUMB, Kind.STATS, Kind.STATS_JSON, Kind.STATS_CSV, Kind.BADGE)) {
            String suffix = of(kind, new ClientRef(project, "x")).file().substring(project.length() + 2);
            if (file.endsWith(suffix)) {
                Optional<ClientRef> client = client(project, file.substring(0, file.length() - suffix.length()), store);
                if (client.isPresent()) {
                    return Optional.of(of(kind, client.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code <client>-<execution>}: both may hold '-', so every split is tried against the tree. */
    private static Optional<PagePath> details(String project, String name, LogStore store) {
        for (int dash = name.indexOf('-'); dash > 0; dash = name.indexOf('-', dash + 1)) {
            String execution = name.substring(dash + 1);
            Optional<ClientRef> client = client(project, name.substring(0, dash), store);
            if (client.isPresent() && Names.isValid(execution)
                    && store.hasExecution(client.get().execution(execution))) {
                return Optional.of(details(client.get().execution(execution)));
            }
        }
        return Optional.empty();
    }

    private static Optional<ClientRef> client(String project, String name, LogStore store) {
        if (!Names.isValid(name)) {
            return Optional.empty();
        }
        ClientRef ref = new ClientRef(project, name);
        return store.hasClient(ref) ? Optional.of(ref) : Optional.empty();
    }
}
