package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pages a deployed farm serves once the captured runs are in, and what each must
 * show. Every container test fetches all of them: add a page here and all check it.
 */
final class FarmPages {

    /** One page: its path under the context and what its answer must be. */
    record Page(String path, Consumer<HttpResponse<String>> expectation) {

        @Override
        public String toString() {
            return path;
        }
    }

    /** What the replayed runs reported: the page checks are written in its terms. */
    record Reported(String project, String client, List<String> executions) {

        String newestExecution() {
            return executions.stream().max(String::compareTo).orElseThrow();
        }

        String oldestExecution() {
            return executions.stream().min(String::compareTo).orElseThrow();
        }
    }

    private static String detailsPage(Reported reported, String execution) {
        return "details-" + reported.client() + "-" + execution + ".html";
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FarmPages() {}

    static List<Page> all(Reported reported) {
        String project = "/" + reported.project();
        return List.of(
                new Page("/", response -> {
                    assertOk(response, "text/html");
                    assertThat(response.body()).contains(reported.project());
                }),
                new Page(project + "/index.html", response -> {
                    assertOk(response, "text/html");
                    assertThat(response.body()).contains(reported.client(),
                            detailsPage(reported, reported.newestExecution()));
                }),
                new Page(project + "/history.html", response -> {
                    assertOk(response, "text/html");
                    assertThat(response.body()).contains(reported.client());
                    reported.executions().forEach(execution ->
                            assertThat(response.body()).contains(detailsPage(reported, execution)));
                }),
                new Page(project + "/" + detailsPage(reported, reported.newestExecution()), response -> {
                    assertOk(response, "text/html");
                    assertThat(response.body()).contains("first", "failing", "third", "echo hello");
                }),
                new Page(project + "/" + detailsPage(reported, reported.oldestExecution()), response -> {
                    assertOk(response, "text/html");
                    // UTF-8 bytes sent as \xNN escapes, shown decoded, through the container's encoding
                    assertThat(response.body()).contains("caf\u00e9 \u2713");
                }),
                new Page(project + "/" + reported.client() + "-stats.html", response ->
                        assertOk(response, "text/html")),
                new Page(project + "/cc.xml", response -> {
                    assertOk(response, "xml");
                    assertThat(response.body()).contains("<Projects", reported.client(), "lastBuildStatus=\"Failure\"");
                }),
                new Page(project + "/" + reported.client() + "-stats-thumb.png", response ->
                        assertOk(response, "image/png")),
                new Page(project + "/" + reported.client() + "-badge.svg", response -> {
                    assertOk(response, "image/svg+xml");
                    assertThat(response.body()).contains("<svg");
                }),
                new Page(project + "/feed.atom", response -> assertOk(response, "xml")),
                new Page("/cc.xml", response -> {
                    assertOk(response, "xml");
                    assertThat(response.body()).contains(reported.client());
                }),
                new Page("/static/testfarm.css", response -> assertOk(response, "text/css")),
                new Page("/api", response -> {
                    assertOk(response, "text/plain");
                    assertThat(response.body().strip()).isEqualTo("2.0");
                }),
                new Page(project + "/testfarm-data.js", response -> {
                    assertOk(response, "application/json");
                    assertSummary(json(response.body()), reported);
                }),
                new Page(project + "/testfarm-data.jsond", response -> {
                    assertOk(response, "javascript");
                    String body = response.body().strip();
                    assertThat(body).startsWith("callme(").endsWith(")");
                    assertSummary(json(body.substring("callme(".length(), body.length() - 1)), reported);
                }));
    }

    /** The summary of a project whose one client reported failed executions. */
    private static void assertSummary(JsonNode summary, Reported reported) {
        assertThat(summary.path("project").asText()).isEqualTo(reported.project());
        assertThat(summary.path("clients")).hasSize(1);
        JsonNode client = summary.path("clients").get(0);
        assertThat(client.path("name").asText()).isEqualTo(reported.client());
        assertThat(client.path("status").asText()).as("status of %s", client).isEqualTo("red");
        assertThat(client.path("doing").asText()).as("doing of %s", client).isEqualTo("wait");
        assertThat(client.path("lastExecution").asText()).as("lastExecution of %s", client).isNotEmpty();
    }

    static void assertOk(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as("type of %s", response.uri())
                .hasValueSatisfying(type -> assertThat(type).contains(contentType));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
