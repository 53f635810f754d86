package org.testfarm.server.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.server.launch.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The version route, through a real Tomcat serving the webapp from the sources. */
@Timeout(60)
class FrontServletApiVersionTest {

    @TempDir
    static Path logs;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void v1ServiceAddress_answersVersionAsPlainText() throws Exception {
        HttpResponse<String> response = get("/testfarmservice/api");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.body()).isEqualTo("2.0");
    }

    @Test
    void shortAddress_answersVersion() throws Exception {
        assertThat(get("/api").body()).isEqualTo("2.0");
    }

    @Test
    void emptySegments_areIgnored() throws Exception {
        assertThat(get("//api").body()).isEqualTo("2.0");
        assertThat(get("/testfarmservice//api/").body()).isEqualTo("2.0");
    }

    @Test
    void otherPaths_are404() throws Exception {
        // "/" is the root page of the web site now
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/apix").statusCode()).isEqualTo(404);
        assertThat(get("/testfarmservice/api/more").statusCode()).isEqualTo(404);
        assertThat(get("/WEB-INF/web.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void otherMethods_areNotAllowed() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(Duration.ofSeconds(10)).build();
        assertThat(HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
}
