package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.state.ClientState;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.FarmState;
import org.testfarm.state.Status;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** The requests captured from the upstream Python client, replayed byte for byte against the real webapp. */
@Timeout(120)
class WireFixtureReplayTest {

    static final ClientRef CLIENT = new ClientRef("CaptureProject", "capture_client");

    @TempDir
    Path logs;
    EmbeddedServer server;
    HttpClient http = HttpClient.newHttpClient();
    String base;

    @BeforeEach
    void start() {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CLIENT.project(), Map.of());
            store.createClient(CLIENT, Map.of());
        }
        KeyRing.of(logs).legacyUnsigned(CLIENT, true); // the captured Python client sends unsigned
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void replayAll(String run, String prefix) {
        for (CapturedRequest request : CapturedRequest.run(run)) {
            String path = prefix == null ? null : prefix + request.wireMethod();
            HttpResponse<String> response = request.replay(http, base, path);
            assertThat(response.statusCode()).as(request.name()).isEqualTo(200);
            assertThat(response.body()).as(request.name()).isEqualTo("Done");
        }
    }

    @Test
    void theBasicRunIsAcceptedAndEndsRedWithItsStatsAndColouredOutput() {
        replayAll("upstream-run-basic", null);
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            FarmState farm = new FarmState(store);
            ClientState client = farm.client(CLIENT);
            assertThat(client.status()).isEqualTo(Status.RED);
            assertThat(client.failedTasks()).containsExactly("failing");
            ExecutionState run = farm.execution(CLIENT.execution("20261126-032845"));
            assertThat(run.tasks()).hasSize(3);
            assertThat(run.tasks().get(1).commands().get(0).output()).isEqualTo("\u001b[31mred\u001b[0m caf\\xc3\\xa9\n");
            assertThat(store.stats(CLIENT).series("tests")).containsEntry("20261126-032845", 12L);
            assertThat(store.stats(CLIENT).series("ratio")).containsEntry("20261126-032845", 0.5);
        }
    }

    @Test
    void theGitRunIsAcceptedEndsRedAndKeepsItsSnapshot() {
        replayAll("upstream-run-git", null);
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            FarmState farm = new FarmState(store);
            assertThat(farm.client(CLIENT).status()).isEqualTo(Status.RED);
            ExecutionState run = farm.execution(new ExecutionRef("CaptureProject", "capture_client", "20261126-032826"));
            assertThat(run.info().get("snapshot")).asList().hasSize(2);
            assertThat(run.tasks().get(0).commands().get(0).info()).contains("third: café ünicode");
            assertThat(run.tasks().get(1).commands().get(0).output()).isEqualTo("café ✓\n");
        }
    }

    @Test
    void aBaseUrlEndingInASlashReachesTheSameMethods() {
        replayAll("upstream-run-basic", "//");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.executions(CLIENT)).containsExactly("20261126-032845");
            assertThat(store.read(CLIENT.execution("20261126-032845")).events()).hasSize(20);
        }
    }

    @Test
    void everyRequestSentTwiceAsAfterALostAcknowledgementIsStoredOnce() {
        for (CapturedRequest request : CapturedRequest.run("upstream-run-git")) {
            assertThat(request.replay(http, base, null).body()).isEqualTo("Done");
            assertThat(request.replay(http, base, null).body()).isEqualTo("Done");
        }
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.read(CLIENT.execution("20261126-032826")).events()).hasSize(12);
        }
    }

}
