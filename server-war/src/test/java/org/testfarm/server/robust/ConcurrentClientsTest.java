package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.WireEncoder;

/**
 * Many clients report at once over real HTTP; every event they sent is read back
 * through the store, each once, equal to what was sent (issue 8: 50 clients × 200
 * events, 0 lost, 0 corrupt).
 */
@Timeout(600)
class ConcurrentClientsTest {

    static final int CLIENTS = RobustFarm.scale("robust.clients", 50, 200);
    static final int EVENTS = RobustFarm.scale("robust.events", 200, 500);
    static final String EXECUTION = "20261126-080000";

    @Test
    void everyEventOfEveryClientIsStoredOnceAndIntact(@TempDir Path logs) throws Exception {
        List<ClientRef> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new ClientRef(i % 2 == 0 ? "project one" : "Projekt zwei", "client-" + i));
        }
        RobustFarm.register(logs, clients);
        long started;
        long elapsed;
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, RobustFarm.WEBAPP)) {
            String base = "http://127.0.0.1:" + server.port() + "/testfarmservice/";
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                started = System.nanoTime();
                for (ClientRef client : clients) {
                    done.add(pool.submit(() -> report(base, client.execution(EXECUTION))));
                }
                for (Future<Integer> future : done) {
                    assertThat(future.get()).isEqualTo(EVENTS);
                }
                elapsed = System.nanoTime() - started;
            } finally {
                pool.shutdownNow();
            }
        }
        int compared = 0;
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            for (ClientRef client : clients) {
                ExecutionRef ref = client.execution(EXECUTION);
                List<ExecutionEvent> sent = EventScript.events(ref.toString(), EVENTS);
                ExecutionLog stored = store.read(ref);
                assertThat(stored.events()).as("events of %s", ref).hasSameSizeAs(sent);
                for (int i = 0; i < sent.size(); i++) {
                    assertThat(EventScript.same(sent.get(i), stored.events().get(i)))
                            .as("event %d of %s: sent %s, stored %s", i, ref, sent.get(i), stored.events().get(i))
                            .isTrue();
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(CLIENTS * EVENTS);
        System.out.printf("robust: %d clients x %d events over HTTP: %d stored and compared, 0 lost, 0 corrupt,"
                + " %.1f s (%.0f events/s)%n", CLIENTS, EVENTS, compared, elapsed / 1e9, compared / (elapsed / 1e9));
    }

    /** One client reporting its execution event by event, each acknowledged before the next. */
    static int report(String base, ExecutionRef ref) throws Exception {
        WireSender sender = new WireSender(base);
        WireEncoder encoder = new WireEncoder();
        int acknowledged = 0;
        for (ExecutionEvent event : EventScript.events(ref.toString(), EVENTS)) {
            WireSender.Answer answer = sender.send(encoder.event(ref, event));
            if (!answer.done()) {
                throw new AssertionError(ref + " event " + acknowledged + " answered " + answer);
            }
            acknowledged++;
        }
        return acknowledged;
    }
}
