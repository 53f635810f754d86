package org.testfarm.tray;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Fetches and reads a project's JSON feed, giving up after a few seconds. */
public final class FeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public FeedReader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The feed's summary.
     *
     * @throws IOException with a one-line message when it is unreachable, answers an
     *         error, or is not a TestFarm feed
     */
    public ProjectSummary read(ProjectFeed feed) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(feed.feed()).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IOException e) {
            throw new IOException(feed.feed() + " is unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(feed.feed() + " answered HTTP " + response.statusCode());
        }
        return parse(feed, response.body());
    }

    static ProjectSummary parse(ProjectFeed feed, String body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(feed.feed() + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("clients").isArray()) {
            throw new IOException(feed.feed() + " is not a TestFarm feed: it has no clients");
        }
        List<ProjectSummary.Client> clients = new ArrayList<>();
        for (JsonNode client : root.path("clients")) {
            List<String> failed = new ArrayList<>();
            client.path("failedTasks").forEach(task -> failed.add(task.asText()));
            clients.add(new ProjectSummary.Client(client.path("name").asText(""),
                    client.path("status").asText("int"), client.path("doing").asText(""), failed));
        }
        return new ProjectSummary(root.path("project").asText(feed.page().getPath()), clients);
    }
}
