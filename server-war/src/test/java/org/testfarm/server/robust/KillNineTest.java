package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.WireEncoder;

/**
 * {@code kill -9} of the server at random moments while clients report (issue 8:
 * 50 rounds here, 500 in the soak). After each restart every acknowledged event
 * is there, at most the one in flight besides, each once and intact; the tree
 * reads back through the store and its pages render. The clients go on where
 * their last acknowledgement left them, so the event in flight is sent again and
 * must be stored once.
 */
@Timeout(7200)
class KillNineTest {

    static final int ROUNDS = RobustFarm.scale("robust.kill.rounds", 50, 500);
    static final int CLIENTS = 4;
    static final int SCRIPT = 1000;
    /**
     * Rounds on one tree: after them the tree is checked a last time and a fresh one
     * begins, so a round's check (which reads the whole tree) costs the same at round
     * 10 and at round 490.
     */
    static final int TREE_ROUNDS = Integer.getInteger("robust.kill.treeRounds", 50);

    /** One client's place: which execution it reports, and how many of its events were acknowledged. */
    static final class Reporter {
        final ClientRef client;
        int generation;
        int acknowledged;
        List<ExecutionEvent> script;

        Reporter(ClientRef client) {
            this.client = client;
            this.script = EventScript.events(execution().toString(), SCRIPT);
        }

        ExecutionRef execution() {
            return client.execution(String.format("20261126-%06d", generation));
        }

        /** Reports until the server goes away; any answer but Done fails. */
        void report(String base) {
            WireSender sender = new WireSender(base);
            WireEncoder encoder = new WireEncoder();
            while (true) {
                if (acknowledged == SCRIPT) {
                    generation++;
                    acknowledged = 0;
                    script = EventScript.events(execution().toString(), SCRIPT);
                }
                WireSender.Answer answer;
                try {
                    answer = sender.send(encoder.event(execution(), script.get(acknowledged)));
                } catch (IOException e) {
                    return; // the server was killed
                }
                if (!answer.done()) {
                    throw new AssertionError(execution() + " event " + acknowledged + " answered " + answer);
                }
                acknowledged++;
            }
        }
    }

    @Test
    void afterEachKillEveryAcknowledgedEventIsThereOnceAndTheTreeReadsAndRenders(@TempDir Path tmp) throws Exception {
        Random random = new Random(Long.getLong("robust.seed", 20261126L));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Map<String, Integer> inFlightStored = new HashMap<>();
        KillProgress progress = new KillProgress(ROUNDS);
        Path logs = null;
        List<Reporter> reporters = List.of();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                if (round % TREE_ROUNDS == 0) {
                    if (logs != null) {
                        finalCheck(logs, tmp, http, reporters, inFlightStored);
                        RobustFarm.delete(logs);
                    }
                    logs = tmp.resolve("logs-" + round / TREE_ROUNDS);
                    reporters = fresh(logs);
                }
                long roundStart = System.nanoTime();
                try (ServerProcess server = ServerProcess.start(logs, tmp)) {
                    long up = System.nanoTime();
                    String site = "http://127.0.0.1:" + server.port() + "/";
                    if (round % TREE_ROUNDS > 0) {
                        check(logs, reporters, inFlightStored);
                        render(http, site, reporters);
                    }
                    long checked = System.nanoTime();
                    long before = acknowledged(reporters);
                    List<Future<?>> load = new ArrayList<>();
                    for (Reporter reporter : reporters) {
                        String base = site + "testfarmservice/";
                        load.add(pool.submit(() -> reporter.report(base)));
                    }
                    Thread.sleep(100 + random.nextInt(1400));
                    server.kill();
                    for (Future<?> done : load) {
                        done.get();
                    }
                    progress.round(round, acknowledged(reporters) - before, up - roundStart, checked - up,
                            System.nanoTime() - checked);
                }
            }
            finalCheck(logs, tmp, http, reporters, inFlightStored);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("robust: %d kill -9 rounds in %.0f s (a fresh tree every %d rounds), %d events acknowledged,"
                + " every one found after its restart; in flight at the kill and stored anyway: %s%n", ROUNDS,
                progress.seconds(), TREE_ROUNDS, progress.events(), inFlightStored);
    }

    /** Registers {@link #CLIENTS} clients in a new tree at {@code logs}; they have reported nothing yet. */
    private static List<Reporter> fresh(Path logs) {
        List<Reporter> reporters = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            reporters.add(new Reporter(new ClientRef("killed", "client-" + i)));
        }
        RobustFarm.register(logs, reporters.stream().map(r -> r.client).toList());
        return reporters;
    }

    private static long acknowledged(List<Reporter> reporters) {
        return reporters.stream().mapToLong(r -> r.generation * (long) SCRIPT + r.acknowledged).sum();
    }

    /** The restart after a tree's last kill: the same checks. */
    private static void finalCheck(Path logs, Path tmp, HttpClient http, List<Reporter> reporters,
            Map<String, Integer> inFlightStored) throws Exception {
        try (ServerProcess server = ServerProcess.start(logs, tmp)) {
            check(logs, reporters, inFlightStored);
            render(http, "http://127.0.0.1:" + server.port() + "/", reporters);
        }
    }

    /** Every acknowledged event is stored once and intact, at most the one in flight besides. */
    static void check(Path logs, List<Reporter> reporters, Map<String, Integer> inFlightStored) {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            for (Reporter reporter : reporters) {
                if (reporter.generation > 0) {
                    ExecutionRef previous = reporter.client.execution(String.format("20261126-%06d", reporter.generation - 1));
                    compare(store.read(previous), EventScript.events(previous.toString(), SCRIPT), SCRIPT, SCRIPT);
                }
                if (!store.hasExecution(reporter.execution())) {
                    assertThat(reporter.acknowledged).as("acknowledged events of a missing %s", reporter.execution())
                            .isZero();
                    continue;
                }
                int stored = compare(store.read(reporter.execution()), reporter.script, reporter.acknowledged,
                        reporter.acknowledged + 1);
                if (stored > reporter.acknowledged) {
                    inFlightStored.merge("stored", 1, Integer::sum);
                } else {
                    inFlightStored.merge("not stored", 1, Integer::sum);
                }
            }
            for (String project : store.projects()) {
                for (String client : store.clients(project)) {
                    ClientRef ref = new ClientRef(project, client);
                    store.executions(ref).forEach(execution -> store.read(ref.execution(execution)));
                }
            }
        }
    }

    private static int compare(ExecutionLog log, List<ExecutionEvent> script, int atLeast, int atMost) {
        List<ExecutionEvent> stored = log.events();
        assertThat(stored.size()).as("events of %s", log.ref()).isBetween(atLeast, Math.min(atMost, script.size()));
        for (int i = 0; i < stored.size(); i++) {
            assertThat(EventScript.same(script.get(i), stored.get(i)))
                    .as("event %d of %s: sent %s, stored %s", i, log.ref(), script.get(i), stored.get(i)).isTrue();
        }
        return stored.size();
    }

    /** The pages of the restarted server render: root, project, history, each client's current execution and stats. */
    static void render(HttpClient http, String site, List<Reporter> reporters) throws Exception {
        List<String> pages = new ArrayList<>(List.of("", "killed/", "killed/history.html", "killed/cc.xml",
                "killed/feed.atom", "killed/testfarm-data.js"));
        for (Reporter reporter : reporters) {
            String client = URLEncoder.encode(reporter.client.client(), StandardCharsets.UTF_8);
            pages.add("killed/" + client + "-stats.html");
            if (reporter.acknowledged > 0) {
                pages.add("killed/details-" + client + "-" + reporter.execution().execution() + ".html");
            }
        }
        for (String page : pages) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(site + page))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /%s after a restart: %s", page, response.body()).isEqualTo(200);
        }
    }
}
