package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * Small multipart reports are parsed by TestFarm, larger ones by the container:
 * over real HTTP, both give the same stored events, and a malformed small body is
 * a 400 that writes nothing.
 */
@Timeout(120)
class MultipartIngestionTest {

    static final ClientRef CLIENT = new ClientRef("example project", "linux");
    static final ExecutionRef RUN = CLIENT.execution("20261126-120000");
    static final String BOUNDARY = MultipartFieldsTest.BOUNDARY;

    @TempDir
    Path logs;
    EmbeddedServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CLIENT.project(), Map.of());
            store.createClient(CLIENT, Map.of());
        }
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String method, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/testfarmservice/"
                        + method)).header("Content-Type", MultipartFieldsTest.TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String commandEnds(int command, String output) {
        return MultipartFieldsTest.part("project", "'example project'") + MultipartFieldsTest.part("client", "'linux'")
                + MultipartFieldsTest.part("execution", "'" + RUN.execution() + "'")
                + MultipartFieldsTest.part("task", "1") + MultipartFieldsTest.part("command", String.valueOf(command))
                + MultipartFieldsTest.part("output", "'" + output + "'") + MultipartFieldsTest.part("ok", "True")
                + MultipartFieldsTest.part("info", "None") + MultipartFieldsTest.part("stats", "{}")
                + "--" + BOUNDARY + "--\r\n";
    }

    @Test
    void smallAndLargeBodiesStoreTheSameWay() throws Exception {
        String small = "caf\u00e9 " + "x".repeat(1000);
        String large = "caf\u00e9 " + "y".repeat(RequestFields.SMALL_BODY_BYTES);
        assertThat(commandEnds(1, small).length()).isLessThan(RequestFields.SMALL_BODY_BYTES);
        assertThat(post("commandEnds", commandEnds(1, small)).body()).isEqualTo("Done");
        assertThat(post("commandEnds", commandEnds(2, large)).body()).isEqualTo("Done");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            List<ExecutionEvent> events = store.read(RUN).events();
            assertThat(events).containsExactly(
                    new ExecutionEvent.CommandEnded(1, 1, small, true, null, Map.of()),
                    new ExecutionEvent.CommandEnded(1, 2, large, true, null, Map.of()));
        }
    }

    @Test
    void aMalformedSmallBodyIsA400AndWritesNothing() throws Exception {
        List<Path> before = files();
        String cut = commandEnds(1, "out");
        HttpResponse<String> response = post("commandEnds", cut.substring(0, cut.length() - 40));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("BadRequest: malformed multipart body: the body ends inside a part\n");
        assertThat(files()).isEqualTo(before);
    }

    List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(logs)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".testfarm")).sorted().toList();
        }
    }
}
