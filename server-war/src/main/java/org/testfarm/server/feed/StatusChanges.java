package org.testfarm.server.feed;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.testfarm.event.ClientRef;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.page.Links;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.FarmState;
import org.testfarm.state.Outcome;

/**
 * {@code feed.atom}: an Atom entry each time a client's build status changed
 * (broken, fixed, or its first result), found in each client's latest
 * {@value #LOOK_BACK} executions; the newest {@value #ENTRIES} entries.
 */
public record StatusChanges(String id, String title, String updated, String selfHref, String siteHref,
                            List<Entry> entries) {

    public static final String TEMPLATE = "feed/atom.vm";
    public static final int LOOK_BACK = 50;
    public static final int ENTRIES = 50;

    public record Entry(String id, String title, String updated, String href, String summary, String sortKey) {
    }

    public StatusChanges {
        entries = List.copyOf(entries);
    }

    /** @param base the site root as an absolute URL ending in '/', or "" for links relative to the feed */
    public static StatusChanges of(ExecutionIndex index, String project, String base) {
        FarmState farm = index.farm();
        String folder = base.isEmpty() ? "" : base + Links.encode(project) + "/";
        List<Entry> entries = new ArrayList<>();
        for (String name : index.store().clients(project)) {
            ClientRef client = new ClientRef(project, name);
            List<String> ids = index.executions(client);
            int from = Math.max(0, ids.size() - LOOK_BACK);
            Outcome previous = null;
            for (int i = from; i < ids.size(); i++) {
                ExecutionSummary summary = index.summary(client.execution(ids.get(i)));
                Outcome outcome = summary.outcome();
                if (!outcome.decisive()) {
                    continue;
                }
                if (outcome != previous && (previous != null || i == 0)) {
                    entries.add(entry(farm, summary, previous, folder));
                }
                previous = outcome;
            }
        }
        entries.sort(Comparator.comparing(Entry::sortKey).reversed());
        List<Entry> newest = entries.subList(0, Math.min(ENTRIES, entries.size()));
        String updated = newest.isEmpty() ? FeedTimes.iso(farm.now(), farm.zone()) : newest.get(0).updated();
        return new StatusChanges(uuid("feed/" + project), project + " — build status changes", updated,
                folder + "feed.atom", folder + "index.html", newest);
    }

    private static Entry entry(FarmState farm, ExecutionSummary summary, Outcome previous, String folder) {
        String client = summary.ref().client();
        boolean ok = summary.outcome() == Outcome.OK;
        String title = previous == null ? client + ": first build " + (ok ? "green" : "red")
                : client + (ok ? " is fixed (green)" : " is broken (red)");
        String text = ok ? "Execution " + summary.id() + " passed."
                : "Execution " + summary.id() + " failed: " + String.join(", ", summary.failedTasks()) + ".";
        LocalDateTime when = summary.stopTime().or(summary::startTime)
                .orElse(LocalDateTime.ofInstant(summary.lastActivity(), farm.zone()));
        return new Entry(uuid(summary.ref().toString()), title, FeedTimes.iso(when, farm.zone()),
                folder + Links.href(Links.detailsFile(summary.ref())), text, when + " " + summary.ref());
    }

    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("testfarm:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
