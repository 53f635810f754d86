package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.server.fixture.Clients;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;

/**
 * The upstream Python client's captured bodies, signed: the server's own parsing
 * of signed bodies stores exactly what the container's parsing of the same bodies
 * unsigned stores.
 */
@Timeout(120)
class SignedFixtureReplayTest {

    static final ClientRef CLIENT = new ClientRef("CaptureProject", "capture_client");

    @TempDir
    Path dir;

    List<List<ExecutionEvent>> replay(Path logs, ClientKey key) {
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"))) {
            SignedPost post = new SignedPost(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port());
            for (String run : List.of("upstream-run-basic", "upstream-run-git")) {
                for (CapturedRequest request : CapturedRequest.run(run)) {
                    SignedPost.Signed signed = new SignedPost.Signed(request.path(), request.body());
                    String type = request.headers().get("Content-Type");
                    signed.headers.put("Content-Type", type);
                    if (key != null) {
                        signed.headers.putAll(RequestSignature.headers(key, CLIENT, "POST", request.wireMethod(), "",
                                type, request.body(), Instant.now().getEpochSecond()));
                    }
                    HttpResponse<String> response = post.send(signed);
                    assertThat(response.body()).as(request.name()).isEqualTo("Done");
                }
            }
        }
        List<List<ExecutionEvent>> stored = new ArrayList<>();
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            for (String execution : store.executions(CLIENT)) {
                // the stop time is the server's clock when the report came: not part of the comparison
                stored.add(store.read(CLIENT.execution(execution)).events().stream()
                        .map(e -> e instanceof ExecutionEvent.ExecutionEnded end
                                ? new ExecutionEvent.ExecutionEnded(end.ok(), null) : e).toList());
            }
        }
        return stored;
    }

    @Test
    void signedCapturedBodiesStoreTheSameEventsAsUnsignedOnes() {
        Path unsignedLogs = dir.resolve("unsigned");
        Clients.registerLegacy(unsignedLogs, CLIENT);
        Path signedLogs = dir.resolve("signed");
        ClientKey key = Clients.register(signedLogs, CLIENT);

        List<List<ExecutionEvent>> unsigned = replay(unsignedLogs, null);
        List<List<ExecutionEvent>> signed = replay(signedLogs, key);
        assertThat(unsigned).hasSize(2);
        assertThat(signed).isEqualTo(unsigned);
    }
}
