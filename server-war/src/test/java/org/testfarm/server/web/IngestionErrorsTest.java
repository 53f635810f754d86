package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** Bad requests get the specified status and body, and change nothing on disk. */
@Timeout(120)
class IngestionErrorsTest {

    static final ClientRef CLIENT = new ClientRef("example project", "linux");

    @TempDir
    Path logs;
    EmbeddedServer server;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CLIENT.project(), Map.of());
            store.createClient(CLIENT, Map.of());
        }
        KeyRing.of(logs).legacyUnsigned(CLIENT, true); // these requests are unsigned, as v1 clients send them
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "----------Nobody-expects-the-Spanish-Inquisition";
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> taskStarts(String task) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", "'example project'");
        fields.put("client", "'linux'");
        fields.put("execution", "'20261126-120000'");
        fields.put("task", task);
        fields.put("description", "'build'");
        return fields;
    }

    List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(logs)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".testfarm")).sorted().toList();
        }
    }

    @Test
    void apiAnswersTheProtocolVersion() throws Exception {
        assertThat(get("/testfarmservice/api").body()).isEqualTo("2.0");
        assertThat(get("/api").body()).isEqualTo("2.0");
    }

    @Test
    void aMalformedLiteralIsA400NamingTheParameterAndWritesNothing() throws Exception {
        List<Path> before = files();
        HttpResponse<String> response = post("/testfarmservice/taskStarts", taskStarts("[1,"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("BadRequest: parameter 'task'").endsWith("\n");
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aMissingOrExtraParameterIsA400() throws Exception {
        Map<String, String> missing = taskStarts("1");
        missing.remove("description");
        HttpResponse<String> response = post("/testfarmservice/taskStarts", missing);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("BadRequest: missing parameter 'description' for taskStarts\n");

        Map<String, String> extra = taskStarts("1");
        extra.put("colour", "'red'");
        response = post("/testfarmservice/taskStarts", extra);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("BadRequest: unexpected parameter 'colour' for taskStarts\n");
        assertThat(files()).hasSize(2);
    }

    @Test
    void anUnknownMethodIsA404WithTheUpstreamBody() throws Exception {
        HttpResponse<String> response = post("/testfarmservice/launchRockets", taskStarts("1"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("NotFound: Bad function testfarmservice.launchRockets\n");
    }

    @Test
    void anUnknownProjectOrClientIsA500WithTheUpstreamErrorNameAndWritesNothing() throws Exception {
        Map<String, String> fields = taskStarts("1");
        fields.put("project", "'nowhere'");
        HttpResponse<String> response = post("/testfarmservice/taskStarts", fields);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("ProjectNotFound: nowhere\n");
        fields = taskStarts("1");
        fields.put("client", "'stranger'");
        response = post("/taskStarts", fields);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("ClientNotFound: stranger\n");
        assertThat(files()).hasSize(2);
    }

    @Test
    void anUnsafeNameIsA400AndNothingIsWritten() throws Exception {
        Map<String, String> fields = taskStarts("1");
        fields.put("execution", "'../../etc'");
        HttpResponse<String> response = post("/testfarmservice/taskStarts", fields);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(files()).hasSize(2);
    }

    @Test
    void queryParametersWorkAndWinOverFormFields() throws Exception {
        Map<String, String> fields = taskStarts("1");
        fields.put("description", "'from the form'");
        String query = "?description=" + URLEncoder.encode("'from the query'", StandardCharsets.UTF_8);
        assertThat(post("/testfarmservice/taskStarts" + query, fields).body()).isEqualTo("Done");
        String all = taskStarts("2").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        assertThat(get("/testfarmservice/taskStarts?" + all).body()).isEqualTo("Done");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.read(CLIENT.execution("20261126-120000")).events().get(0).toString())
                    .contains("from the query");
            assertThat(store.read(CLIENT.execution("20261126-120000")).events()).hasSize(2);
        }
    }

    @Test
    void theJsonFeedUsesUpstreamFieldsAndTheJsonpFormValidatesItsCallback() throws Exception {
        post("/testfarmservice/executionStarts", Map.of("project", "'example project'", "client", "'linux'",
                "execution", "'20261126-120000'"));
        post("/testfarmservice/taskStarts", taskStarts("1"));
        HttpResponse<String> json = get("/example%20project/testfarm-data.js");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
        assertThat(root.get("project").asText()).isEqualTo("example project");
        com.fasterxml.jackson.databind.JsonNode client = root.get("clients").get(0);
        assertThat(client.get("name").asText()).isEqualTo("linux");
        assertThat(client.get("status").asText()).isEqualTo("int");
        assertThat(client.get("doing").asText()).isEqualTo("run");
        assertThat(client.get("currentTask").asText()).isEqualTo("build");
        assertThat(client.get("currentExecution").asText()).isEqualTo("20261126-120000");
        assertThat(client.get("lastExecution").asText()).isEqualTo("2026/11/26 12:00:00");

        HttpResponse<String> jsonp = get("/example%20project/testfarm-data.jsond");
        assertThat(jsonp.body()).startsWith("callme({").endsWith("})\n");
        assertThat(get("/example%20project/testfarm-data.jsond?callback=alert(1)").statusCode()).isEqualTo(400);
        assertThat(get("/nowhere/testfarm-data.js").statusCode()).isEqualTo(404);
    }

    static Map<String, String> commandEnds(int command, String output) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", "'example project'");
        fields.put("client", "'linux'");
        fields.put("execution", "'20261126-120000'");
        fields.put("task", "1");
        fields.put("command", String.valueOf(command));
        fields.put("output", "'" + output + "'");
        fields.put("ok", "True");
        fields.put("info", "None");
        fields.put("stats", "{}");
        return fields;
    }

    /** Small reports are parsed by TestFarm, larger ones by the container: both store the same. */
    @Test
    void smallAndLargeReportsStoreTheSameWay() throws Exception {
        String small = "caf\u00e9 " + "x".repeat(1000);
        String large = "caf\u00e9 " + "y".repeat(RequestFields.SMALL_BODY_BYTES);
        assertThat(post("/testfarmservice/commandEnds", commandEnds(1, small)).body()).isEqualTo("Done");
        assertThat(post("/testfarmservice/commandEnds", commandEnds(2, large)).body()).isEqualTo("Done");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.read(CLIENT.execution("20261126-120000")).events()).containsExactly(
                    new ExecutionEvent.CommandEnded(1, 1, small, true, null, Map.of()),
                    new ExecutionEvent.CommandEnded(1, 2, large, true, null, Map.of()));
        }
    }

    @Test
    void aMalformedMultipartBodyIsA400AndWritesNothing() throws Exception {
        List<Path> before = files();
        String cut = MultipartFieldsTest.part("project", "'example project'") + MultipartFieldsTest.part("task", "1");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/testfarmservice/taskStarts"))
                .header("Content-Type", MultipartFieldsTest.TYPE).POST(HttpRequest.BodyPublishers.ofString(cut)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("BadRequest: malformed multipart body: the body ends inside a part\n");
        assertThat(files()).isEqualTo(before);
    }
}
