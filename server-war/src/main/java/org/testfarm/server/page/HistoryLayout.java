package org.testfarm.server.page;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.index.ExecutionDays;
import org.testfarm.server.index.ExecutionIndex;

/**
 * What the history pages of a project are laid out on: its clients, and the day of
 * each of their executions. Kept in the index while no client or execution comes
 * or goes; when one does, only the clients whose listing changed are worked out
 * again, so a new execution costs its client's days, not the whole project's.
 */
final class HistoryLayout {

    final List<ClientRef> clients;
    private final Map<ClientRef, ClientDays> days;
    /** Every day with an execution, newest first. */
    private final NavigableSet<LocalDate> allDays = new TreeSet<>(Collections.reverseOrder());

    private HistoryLayout(List<ClientRef> clients, Map<ClientRef, ClientDays> days) {
        this.clients = clients;
        this.days = days;
        days.values().forEach(d -> allDays.addAll(d.byDay.keySet()));
    }

    /** A client's executions by id and by day, for the listing it was worked out from. */
    private static final class ClientDays {
        final List<String> ids;
        final NavigableMap<String, LocalDate> byId = new TreeMap<>();
        final NavigableMap<LocalDate, List<String>> byDay = new TreeMap<>();
        /** False when some day came from file times, which change without the listing: never reused. */
        boolean keepable = true;

        ClientDays(ExecutionIndex index, ClientRef client, List<String> ids) {
            this.ids = ids;
            for (String id : ids) {
                keepable &= ExecutionDays.fromId(id);
                LocalDate day = ExecutionDays.dayOf(index.store(), client.execution(id), index.farm().zone());
                byId.put(id, day);
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(id);
            }
        }
    }

    static HistoryLayout of(ExecutionIndex index, String project) {
        List<ClientRef> clients = index.store().clients(project).stream().map(c -> new ClientRef(project, c)).toList();
        List<Object> inputs = new ArrayList<>(List.of(project, index.farm().zone()));
        List<List<String>> listings = new ArrayList<>();
        for (ClientRef client : clients) {
            List<String> ids = index.executions(client);
            listings.add(ids);
            inputs.add(client.client());
            inputs.add(ids);
        }
        return index.derived(List.of(HistoryLayout.class, project), inputs, previous -> {
            Map<ClientRef, ClientDays> days = new HashMap<>();
            boolean keepable = true;
            for (int c = 0; c < clients.size(); c++) {
                ClientRef client = clients.get(c);
                ClientDays before = previous instanceof HistoryLayout layout ? layout.days.get(client) : null;
                ClientDays now = before != null && before.keepable && before.ids.equals(listings.get(c)) ? before
                        : new ClientDays(index, client, listings.get(c));
                keepable &= now.keepable;
                days.put(client, now);
            }
            return new ExecutionIndex.Computed<>(new HistoryLayout(clients, days), keepable);
        });
    }

    /** The client's newest execution, "" if it has none. */
    String newest(ClientRef client) {
        NavigableMap<String, LocalDate> ofClient = days.get(client).byId;
        return ofClient.isEmpty() ? "" : ofClient.lastKey();
    }

    /** The days shown, newest first: the latest ones with executions, or those of a month. */
    List<LocalDate> shownDays(YearMonth month) {
        if (month == null) {
            return allDays.stream().limit(HistoryPage.LATEST_DAYS).toList();
        }
        return new ArrayList<>(allDays.subSet(month.atEndOfMonth(), true, month.atDay(1), true));
    }

    /** The client's executions on these days, in the order of their names. */
    List<String> executionsOn(ClientRef client, List<LocalDate> shown) {
        List<String> ids = new ArrayList<>();
        NavigableMap<LocalDate, List<String>> byDay = days.get(client).byDay;
        shown.forEach(day -> ids.addAll(byDay.getOrDefault(day, List.of())));
        Collections.sort(ids);
        return ids;
    }

    LocalDate dayOf(ClientRef client, String id) {
        return days.get(client).byId.get(id);
    }

    /** The executions a history page shows, client by client. */
    List<ExecutionRef> shown(YearMonth month) {
        List<LocalDate> shownDays = shownDays(month);
        List<ExecutionRef> out = new ArrayList<>();
        for (ClientRef client : clients) {
            executionsOn(client, shownDays).forEach(id -> out.add(client.execution(id)));
        }
        return out;
    }

    /** The months that have executions, newest first. */
    List<YearMonth> monthList() {
        NavigableSet<YearMonth> months = new TreeSet<>(Collections.reverseOrder());
        allDays.forEach(day -> months.add(YearMonth.from(day)));
        return new ArrayList<>(months);
    }

    List<Link> months() {
        return monthList().stream().map(m -> new Link(HistoryPage.MONTH.format(m), Links.historyFile(m.toString())))
                .toList();
    }
}
