package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** The live site in the real webapp: every kind of file, the headers, conditional GET, invalidation. */
@Timeout(120)
class SitePagesTest {

    static final ClientRef CLIENT = new ClientRef("proj", "linux 64");

    @TempDir
    Path logs;
    EmbeddedServer server;
    HttpClient http = HttpClient.newHttpClient();
    String base;

    @BeforeEach
    void start() {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject("proj", Map.of("briefDescription", "My <b>project</b>"));
            store.createClient(CLIENT, Map.of());
            ExecutionRef ref = CLIENT.execution("20260310-080000");
            store.executionStarted(ref, Map.of());
            store.taskStarted(ref, 1, "build");
            store.commandStarted(ref, 1, 1, "make");
            store.commandEnded(ref, 1, 1, "\u001b[31moops\u001b[0m", false, null, Map.of("tests", 3));
            store.taskEnded(ref, 1, false);
            store.executionEnded(ref, false);
        }
        KeyRing.of(logs).legacyUnsigned(CLIENT, true); // a test below posts unsigned, as v1 clients do
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyKindOfFileIsServedWithItsTypeAndTheSecurityHeaders() throws Exception {
        Map<String, String> types = Map.ofEntries(
                Map.entry("/", "text/html"), Map.entry("/cc.xml", "application/xml"),
                Map.entry("/static/testfarm.css", "text/css"), Map.entry("/static/ansi.css", "text/css"),
                Map.entry("/static/testfarm.js", "application/javascript"),
                Map.entry("/proj/", "text/html"), Map.entry("/proj/history.html", "text/html"),
                Map.entry("/proj/history-2026-03.html", "text/html"),
                Map.entry("/proj/details-linux%2064-20260310-080000.html", "text/html"),
                Map.entry("/proj/linux%2064-stats.html", "text/html"),
                Map.entry("/proj/linux%2064-stats-1.png", "image/png"),
                Map.entry("/proj/linux%2064-stats-thumb.png", "image/png"),
                Map.entry("/proj/linux%2064-stats.json", "application/json"),
                Map.entry("/proj/linux%2064-stats.csv", "text/csv"),
                Map.entry("/proj/linux%2064-badge.svg", "image/svg+xml"),
                Map.entry("/proj/cc.xml", "application/xml"), Map.entry("/proj/feed.atom", "application/atom+xml"));
        for (Map.Entry<String, String> file : types.entrySet()) {
            HttpResponse<String> response = get(file.getKey());
            assertThat(response.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(file.getKey()).hasValueSatisfying(
                    type -> assertThat(type).startsWith(file.getValue()));
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
    }

    @Test
    void anUnchangedPageAnswers304AndANewEventChangesItsEtag() throws Exception {
        HttpResponse<String> first = get("/proj/index.html");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.body()).contains("linux 64").contains("My <b>project</b>");
        assertThat(get("/proj/index.html", "If-None-Match", etag).statusCode()).isEqualTo(304);

        ExecutionRef next = CLIENT.execution("20260310-090000");
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base
                + "/testfarmservice/executionStarts?project='proj'&client='linux%2064'&execution='20260310-090000'"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.body()).as("executionStarts of %s", next).isEqualTo("Done");

        HttpResponse<String> after = get("/proj/index.html", "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(after.body()).contains("running");
    }

    @Test
    void terminalOutputIsColouredAndEscapedInTheLiveDetailsPage() throws Exception {
        String html = get("/proj/details-linux%2064-20260310-080000.html").body();
        assertThat(html).contains("<span class=\"f1\">oops</span>").contains("[FAILED]");
    }

    @Test
    void aProjectWithoutItsSlashIsRedirectedAndUnknownFilesAre404() throws Exception {
        HttpResponse<String> redirect = get("/proj");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).contains("/proj/");
        assertThat(get("/proj/details-nobody-20260310-080000.html").statusCode()).isEqualTo(404);
        assertThat(get("/proj/linux%2064-stats-9.png").statusCode()).isEqualTo(404);
        assertThat(get("/nowhere/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/static/../WEB-INF/web.xml").statusCode()).isEqualTo(404);
    }
}
