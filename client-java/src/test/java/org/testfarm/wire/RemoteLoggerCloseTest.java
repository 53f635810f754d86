package org.testfarm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;

/**
 * {@link RemoteLogger#close()} racing reports made on other threads, many times,
 * with the server down (the reports go to the spool on disk) and with it up
 * (they are sent at once). Every report is either accepted, and then found on
 * the server (at once, or replayed from the spool by a new logger), or refused
 * with "logger closed", and then found nowhere.
 */
@Timeout(300)
class RemoteLoggerCloseTest {

    static final int ITERATIONS = 150;
    static final int THREADS = 4;
    /** Two threads report for each client, so one waits while the other writes to the spool. */
    static final int CLIENTS = 2;

    @TempDir
    Path dir;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    /** What the reporting threads saw, client by client: the idle minutes accepted, and what refused the rest. */
    private record Race(Map<ClientRef, List<Integer>> accepted, List<Throwable> refusals) {
    }

    @Test
    void reportsRacingCloseWhileTheServerIsDown_areSpooledDurablyOrRefusedClearly() throws Exception {
        int port;
        try (RecordingServer gone = RecordingServer.start(0)) {
            port = gone.port();
        }
        String base = "http://127.0.0.1:" + port;
        List<Race> races = new ArrayList<>();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            races.add(race(base, iteration));
        }

        try (RecordingServer back = RecordingServer.start(port); RemoteLogger logger = logger(base)) {
            for (Race race : races) {
                for (ClientRef client : race.accepted().keySet()) {
                    logger.clientIdle(client, -1); // opens the client's spool, replayed before this report
                }
            }
            logger.flush();
            for (Race race : races) {
                race.accepted().forEach((client, minutes) -> {
                    List<Integer> expected = new ArrayList<>(minutes);
                    expected.add(-1);
                    assertThat(idleMinutes(back, client)).as("what the server got from %s", client)
                            .containsExactlyInAnyOrderElementsOf(expected).endsWith(-1);
                });
            }
        }
        assertRefusalsAreClear(races);
    }

    @Test
    void reportsRacingCloseWhileTheServerIsUp_areDeliveredOrRefusedClearly() throws Exception {
        try (RecordingServer server = RecordingServer.start(0)) {
            List<Race> races = new ArrayList<>();
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                races.add(race(server.base(), iteration));
            }

            for (Race race : races) {
                race.accepted().forEach((client, minutes) -> assertThat(idleMinutes(server, client))
                        .as("what the server got from %s", client).containsExactlyInAnyOrderElementsOf(minutes));
            }
            assertRefusalsAreClear(races);
        }
        // a connection the test server drops under load is spooled and sent again, and says so; nothing may be lost
        assertThat(warnings).noneMatch(w -> w.contains("lost") || w.contains("dropped"));
    }

    @Test
    void reportAfterClose_isRefusedClearly_andCloseAgainDoesNothing() throws Exception {
        try (RecordingServer server = RecordingServer.start(0)) {
            RemoteLogger logger = logger(server.base());
            logger.clientIdle(new ClientRef("Proj", "one"), 1);
            logger.close();
            logger.close();

            assertThatThrownBy(() -> logger.clientIdle(new ClientRef("Proj", "one"), 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("logger closed");
            assertThat(idleMinutes(server, new ClientRef("Proj", "one"))).containsExactly(1);
        }
    }

    /** Starts the threads reporting, closes the logger after a moment, and says what each report became. */
    private Race race(String base, int iteration) throws InterruptedException {
        RemoteLogger logger = logger(base);
        List<ClientRef> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(new ClientRef("Proj", "race" + iteration + "-" + c));
        }
        Map<ClientRef, List<Integer>> accepted = new java.util.concurrent.ConcurrentHashMap<>();
        clients.forEach(client -> accepted.put(client, Collections.synchronizedList(new ArrayList<>())));
        List<Throwable> refusals = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            ClientRef client = clients.get(t % CLIENTS);
            Thread reporter = new Thread(() -> {
                started.countDown();
                for (int n = 0; ; n++) {
                    int minutes = thread * 100_000 + n;
                    try {
                        logger.clientIdle(client, minutes);
                    } catch (RuntimeException refused) {
                        refusals.add(refused);
                        return;
                    }
                    accepted.get(client).add(minutes);
                }
            }, "reporter-" + t);
            reporter.start();
            threads.add(reporter);
        }
        started.await();
        TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(500, 5000));
        logger.close();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as("%s is refused once the logger is closed", thread.getName()).isFalse();
        }
        return new Race(accepted, refusals);
    }

    private void assertRefusalsAreClear(List<Race> races) {
        List<Throwable> refusals = races.stream().flatMap(race -> race.refusals().stream()).toList();
        assertThat(refusals).as("every thread is refused once the logger is closed").hasSize(ITERATIONS * THREADS)
                .allSatisfy(refusal -> assertThat(refusal).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("logger closed"));
        assertThat(warnings).noneMatch(warning -> warning.contains("lost"));
    }

    private RemoteLogger logger(String base) {
        return new RemoteLogger(base, dir.resolve("spool"))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .warnings(warnings::add);
    }

    private static List<Integer> idleMinutes(RecordingServer server, ClientRef client) {
        return server.received().stream()
                .filter(r -> r.fields().get("client").equals("'" + client.client() + "'"))
                .map(r -> Integer.parseInt(r.fields().get("minutes")))
                .toList();
    }
}
