package org.testfarm.server.site;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.server.chart.StatsCharts;
import org.testfarm.server.feed.CcTrayFeed;
import org.testfarm.server.feed.StatsData;
import org.testfarm.server.feed.StatusBadge;
import org.testfarm.server.feed.StatusChanges;
import org.testfarm.server.feed.SummaryFeed;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.markup.AnsiPalette;
import org.testfarm.server.page.DetailsPage;
import org.testfarm.server.page.HistoryPage;
import org.testfarm.server.page.PageModel;
import org.testfarm.server.page.RootPage;
import org.testfarm.server.page.StatsPage;
import org.testfarm.server.page.SummaryPage;
import org.testfarm.server.template.Templates;
import org.testfarm.state.ClientState;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StatsSeries;

/** Renders any file of the site from the tree: builds its model, then its template, chart or data. */
final class Renderer {

    private final ExecutionIndex index;
    private final FarmState farm;
    private final LogStore store;
    private final Templates templates;
    private final Fingerprints fingerprints;
    /** The state read last per client with its fingerprint: the pages and feeds of a project share one read. */
    private final Map<ClientRef, Map.Entry<Long, ClientState>> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CLIENTS_KEPT = 4096;
    /** The stats read last per client with their stamp: a client's page, plots and data share one read. */
    private final Map<ClientRef, Map.Entry<Long, StatsSeries>> stats = new java.util.concurrent.ConcurrentHashMap<>();

    Renderer(ExecutionIndex index, Fingerprints fingerprints, Templates templates) {
        this.fingerprints = fingerprints;
        this.index = index;
        this.farm = index.farm();
        this.store = index.store();
        this.templates = templates;
    }

    /**
     * @param base the site's absolute address ending in '/', or "" where it is not known
     * @param ids  the client's executions when the caller has listed them already, else null
     * @throws MissingPageException when the tree holds nothing for it (e.g. a chart of an unknown key)
     */
    Rendered render(PagePath path, String base, List<String> ids) {
        String project = path.project();
        byte[] body = switch (path.kind()) {
            case ROOT -> page(RootPage.of(store, publishable()));
            case ROOT_CCTRAY -> text(templates.render(CcTrayFeed.TEMPLATE,
                    Map.of("feed", CcTrayFeed.of(farm, publishable(), base, true, this::clients))));
            case ASSET -> path.detail().equals("ansi.css") ? text(AnsiPalette.css()) : Templates.asset(path.detail());
            case SUMMARY -> page(SummaryPage.of(farm, project, clients(project)));
            case HISTORY -> page(HistoryPage.latest(index, project, this::client));
            case HISTORY_MONTH -> page(HistoryPage.month(index, project, YearMonth.parse(path.detail())));
            case SUMMARY_JSON -> text(SummaryFeed.json(farm, project, clients(project)));
            case SUMMARY_JSONP -> text(SummaryFeed.jsonp(farm, project, clients(project), SummaryFeed.DEFAULT_CALLBACK));
            case CCTRAY -> text(templates.render(CcTrayFeed.TEMPLATE,
                    Map.of("feed", CcTrayFeed.of(farm, List.of(project), base, false, this::clients))));
            case ATOM -> text(templates.render(StatusChanges.TEMPLATE,
                    Map.of("feed", StatusChanges.of(index, project, base))));
            case DETAILS -> page(DetailsPage.of(index, index.state(path.executionRef()),
                    ids != null ? ids : index.executions(path.clientRef())));
            case STATS -> page(StatsPage.of(path.clientRef(), stats(path.clientRef())));
            case STATS_CHART -> chart(path.clientRef(), Integer.parseInt(path.detail()));
            case STATS_THUMB -> thumbnail(path.clientRef());
            case STATS_JSON -> text(StatsData.json(path.clientRef(), stats(path.clientRef())));
            case STATS_CSV -> text(StatsData.csv(stats(path.clientRef())));
            case BADGE -> text(templates.render(StatusBadge.TEMPLATE,
                    Map.of("badge", StatusBadge.of(client(path.clientRef())))));
        };
        return new Rendered(body, path.contentType());
    }

    /** The projects a site shows: all but one whose name would hide the static assets. */
    List<String> publishable() {
        List<String> projects = new ArrayList<>(store.projects());
        projects.remove(PagePath.STATIC);
        return projects;
    }

    /** A client's state, read again only when its fingerprint changed (its newest files, idle time, silence). */
    private ClientState client(ClientRef client) {
        long fingerprint = fingerprints.client(client);
        Map.Entry<Long, ClientState> last = clients.get(client);
        if (last != null && last.getKey() == fingerprint) {
            return last.getValue();
        }
        ClientState state = farm.client(client, index.executions(client));
        if (clients.size() > CLIENTS_KEPT) {
            clients.clear();
        }
        clients.put(client, Map.entry(fingerprint, state));
        return state;
    }

    private List<ClientState> clients(String project) {
        return store.clients(project).stream().map(c -> client(new ClientRef(project, c))).toList();
    }

    private byte[] page(PageModel model) {
        return text(templates.page(model.template(), model, model.frame()));
    }

    StatsSeries stats(ClientRef client) {
        long stamp = store.statsStamp(client);
        Map.Entry<Long, StatsSeries> last = stats.get(client);
        if (last != null && last.getKey() == stamp) {
            return last.getValue();
        }
        StatsSeries read = store.stats(client);
        if (stats.size() > 256) {
            stats.clear();
        }
        stats.put(client, Map.entry(stamp, read));
        return read;
    }

    private byte[] chart(ClientRef client, int number) {
        StatsSeries stats = stats(client);
        List<String> keys = new ArrayList<>(stats.keys());
        if (number < 1 || number > keys.size()) {
            throw new MissingPageException("no stats plot " + number + " for " + client);
        }
        return StatsCharts.chart(stats, keys.get(number - 1), number - 1);
    }

    private byte[] thumbnail(ClientRef client) {
        StatsSeries stats = stats(client);
        if (stats.isEmpty()) {
            throw new MissingPageException("no stats for " + client);
        }
        return StatsCharts.thumbnail(stats);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
