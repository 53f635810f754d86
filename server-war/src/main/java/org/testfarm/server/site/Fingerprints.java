package org.testfarm.server.site;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.feed.StatusChanges;
import org.testfarm.server.index.ChangesSinceGreen;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.page.HistoryPage;
import org.testfarm.state.FarmState;
import org.testfarm.state.Outcome;
import org.testfarm.store.LogStore;

/**
 * What each file of the site depends on, folded into 64 bits from file stamps
 * (sizes and modification times) and the few facts that change with time alone
 * (an idle time passing, a client going silent). Equal fingerprints mean equal
 * files, so neither the live cache nor a static generation renders a file again.
 */
final class Fingerprints {

    private final ExecutionIndex index;
    private final FarmState farm;
    private final LogStore store;

    Fingerprints(ExecutionIndex index) {
        this.index = index;
        this.farm = index.farm();
        this.store = index.store();
    }

    /**
     * @param ids the client's executions when the caller has listed them already, else null
     */
    long of(PagePath path, String base, List<String> ids) {
        Hasher hash = new Hasher().add(path.kind().name()).add(path.file()).add(path.usesBase() ? base : "");
        switch (path.kind()) {
            case ROOT -> store.projects().forEach(p -> hash.add(p).add(store.metaStamp(p)).add(store.stamp(p)));
            case ROOT_CCTRAY -> store.projects().forEach(p -> project(hash, p));
            case ASSET -> hash.add(Site.VERSION);
            case SUMMARY, SUMMARY_JSON, SUMMARY_JSONP, CCTRAY -> project(hash.add(store.metaStamp(path.project())),
                    path.project());
            case HISTORY -> history(project(hash, path.project()), path.project(), null);
            case HISTORY_MONTH -> history(hash, path.project(), YearMonth.parse(path.detail()));
            case ATOM -> atom(hash, path.project());
            case DETAILS -> details(hash, path.executionRef(), ids != null ? ids : index.executions(path.clientRef()));
            case STATS, STATS_CHART, STATS_THUMB, STATS_JSON, STATS_CSV -> hash.add(store.statsStamp(path.clientRef()));
            case BADGE -> client(hash, path.clientRef());
        }
        return hash.value();
    }

    private Hasher project(Hasher hash, String project) {
        hash.add(store.stamp(project));
        for (String client : store.clients(project)) {
            client(hash.add(client), new ClientRef(project, client));
        }
        return hash;
    }

    /**
     * Everything a client's state ({@link FarmState#client}) depends on: equal values, equal
     * states. Every page over a project holds it for each client: within a generation's pass
     * it is worked out once per client, not once per page.
     */
    long client(ClientRef client) {
        return index.oncePerPass(new ClientState(client), () -> clientState(client));
    }

    private record ClientState(ClientRef client) {
    }

    private Hasher client(Hasher hash, ClientRef client) {
        return hash.add(client(client));
    }

    /** Everything a client's current status and doing depend on. */
    private long clientState(ClientRef client) {
        Hasher hash = new Hasher().add(store.stamp(client));
        List<String> ids = index.executions(client);
        if (ids.isEmpty()) {
            return hash.value();
        }
        ExecutionRef newest = client.execution(ids.get(ids.size() - 1));
        LocalDateTime now = farm.now();
        return hash.add(newest.execution()).add(store.stamp(newest))
                .add(store.idleUntil(client).map(idle -> idle.isAfter(now)).orElse(false))
                .add(farm.overdue(client, store.lastActivity(newest))).value();
    }

    /**
     * A month's page does not depend on the clients' newest executions, only on its
     * own: a new execution rewrites the latest days and its own month, not the archive.
     */
    private Hasher history(Hasher hash, String project, YearMonth month) {
        for (String client : store.clients(project)) {
            ClientRef ref = new ClientRef(project, client);
            hash.add(client).add(store.metaStamp(ref));
            if (month == null) {
                List<String> ids = index.executions(ref);
                hash.add(store.hasStats(ref)).add(ids.isEmpty() ? "" : ids.get(ids.size() - 1));
            }
        }
        for (ExecutionRef shown : HistoryPage.shown(index, project, month)) {
            ExecutionIndex.Entry known = index.entry(shown);
            hash.add(shown.client()).add(shown.execution()).add(known.stamp());
            if (known.summary().outcome() == Outcome.RUNNING) {
                // shown as lost once the client is overdue or has started a newer one
                List<String> ids = index.executions(shown.clientRef());
                hash.add(farm.overdue(shown.clientRef(), store.lastActivity(shown)))
                        .add(ids.get(ids.size() - 1).equals(shown.execution()));
            }
        }
        HistoryPage.months(index, project).forEach(m -> hash.add(m.toString()));
        return hash;
    }

    private Hasher atom(Hasher hash, String project) {
        for (String client : store.clients(project)) {
            ClientRef ref = new ClientRef(project, client);
            List<String> ids = index.executions(ref);
            hash.add(client).add(ids.size() <= StatusChanges.LOOK_BACK);
            for (String id : ids.subList(Math.max(0, ids.size() - StatusChanges.LOOK_BACK), ids.size())) {
                hash.add(id).add(index.stamp(ref.execution(id)));
            }
        }
        return hash;
    }

    /** What the details pages of a client depend on together once its executions have all ended. */
    long detailsTogether(ClientRef client, List<String> ids) {
        Hasher hash = new Hasher().add(client.project()).add(client.client()).add(index.metaStamp(client));
        ids.forEach(hash::add);
        return hash.add(ids.size()).value();
    }

    private Hasher details(Hasher hash, ExecutionRef ref, List<String> ids) {
        ClientRef client = ref.clientRef();
        int position = ExecutionIndex.position(ids, ref.execution());
        ExecutionIndex.Entry known = index.entry(ref);
        hash.add(known.stamp()).add(index.metaStamp(client)).add(position)
                .add(position > 0 ? ids.get(position - 1) : "").add(position + 1 < ids.size() ? ids.get(position + 1) : "");
        Outcome outcome = known.summary().outcome();
        if (outcome == Outcome.RUNNING) {
            hash.add(farm.overdue(client, store.lastActivity(ref)));
        }
        if (outcome == Outcome.FAILED && position >= 0) {
            ChangesSinceGreen since = ChangesSinceGreen.of(index, client, ids, position);
            hash.add(since.lastGreen());
            since.executions().forEach(id -> hash.add(id).add(index.stamp(client.execution(id))));
        }
        return hash;
    }
}
