package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.fixture.Clients;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RemoteLogger;
import org.testfarm.wire.RequestSignature;
import org.testfarm.wire.WireEncoder;
import org.testfarm.wire.WireRequest;

/**
 * A signed request taken by a server is refused when it comes again after the
 * server was killed and started again (its nonce is on disk), and a signing
 * client that reports across such a restart delivers everything, once.
 */
@Timeout(300)
class ReplayAfterRestartTest {

    static final ClientRef CLIENT = new ClientRef("replayed", "signed");

    @Test
    void aSignedRequestTakenBeforeAKillIsRefusedAfterTheRestartAndChangesNothing(@TempDir Path tmp) throws Exception {
        Path logs = tmp.resolve("logs");
        ClientKey key = Clients.register(logs, CLIENT);
        WireRequest idle = new WireEncoder().clientIdle(CLIENT, 5);
        byte[] body = idle.multipartBody();
        Map<String, String> headers = RequestSignature.headers(key, CLIENT, "POST", idle.method().wireName(), "",
                idle.contentType(), body, Instant.now().getEpochSecond());
        HttpClient http = HttpClient.newHttpClient();
        try (ServerProcess server = ServerProcess.start(logs, tmp)) {
            assertThat(post(http, server.port(), idle, headers, body).statusCode()).isEqualTo(200);
            assertThat(post(http, server.port(), idle, headers, body).statusCode()).as("replayed at once").isEqualTo(401);
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(logs, tmp)) {
            Thread.sleep(1100); // an idle time written again would carry another second
            Map<String, String> before = RobustFarm.treeSnapshot(logs);
            HttpResponse<String> replayed = post(http, server.port(), idle, headers, body);
            assertThat(replayed.statusCode()).as("replayed after the restart: %s", replayed.body()).isEqualTo(401);
            assertThat(replayed.body()).contains("taken already");
            assertThat(RobustFarm.treeSnapshot(logs)).as("the tree after the refused replay").isEqualTo(before);
        }
    }

    @Test
    void aSigningClientReportingAcrossAKillAndRestartDeliversEveryEventOnce(@TempDir Path tmp) throws Exception {
        Path logs = tmp.resolve("logs");
        ClientKey key = Clients.register(logs, CLIENT);
        ExecutionRef execution = CLIENT.execution("20261126-101500");
        List<ExecutionEvent> events = EventScript.events(execution.toString(), 400);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        ServerProcess first = ServerProcess.start(logs, tmp, port);
        CompletableFuture<ServerProcess> second = CompletableFuture.supplyAsync(() -> {
            try {
                while (sent.get() < 50) {
                    Thread.sleep(1);
                }
                first.kill(); // while the client reports
                return ServerProcess.start(logs, tmp, port);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ServerProcess restarted = null;
        try (RemoteLogger logger = new RemoteLogger("http://127.0.0.1:" + port + "/testfarmservice/",
                tmp.resolve("spool")).key(key).backoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).warnings(warnings::add)) {
            for (ExecutionEvent event : events) {
                event.deliver(logger, execution);
                sent.incrementAndGet();
            }
            restarted = second.get(180, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (logger.waiting(CLIENT) > 0 && System.nanoTime() < deadline) {
                logger.flush();
                Thread.sleep(100);
            }
            assertThat(logger.waiting(CLIENT)).as("reports still spooled; warnings %s", warnings).isZero();
        } finally {
            first.close();
            if (restarted != null) {
                restarted.close();
            }
        }
        assertThat(warnings).as("warnings").noneMatch(warning -> warning.contains("dropped")
                || warning.contains("lost") || warning.contains(" 401 "));
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            List<ExecutionEvent> stored = store.read(execution).events();
            assertThat(stored).as("stored events").hasSize(events.size());
            for (int i = 0; i < stored.size(); i++) {
                assertThat(EventScript.same(events.get(i), stored.get(i))).as("event %d", i).isTrue();
            }
        }
    }

    private static HttpResponse<String> post(HttpClient http, int port, WireRequest request, Map<String, String> headers,
            byte[] body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/testfarmservice/" + request.method().wireName())).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        builder.header("Content-Type", request.contentType());
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
