package org.testfarm.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.TestFarmException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class EmbeddedServerTest {

    /** The webapp as it is in the sources; its classes come from the test class path. */
    static final Path WEBAPP = Path.of("src/main/webapp");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZero_picksAFreePort_andServesTheWebapp(@TempDir Path dir) throws Exception {
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), WEBAPP)) {
            assertThat(server.port()).isPositive();
            assertThat(get(server.port(), "/api").body()).isEqualTo("2.0");
        }
    }

    @Test
    void logDirectory_reachesTheWebappAsContextParameter_whichCreatesIt(@TempDir Path dir) {
        Path logs = dir.resolve("not/yet/there");
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP)) {
            assertThat(server.port()).isPositive();
            assertThat(logs).isDirectory();
        }
    }

    @Test
    void stop_closesThePort_releasesAwaitStop_andIsIdempotent(@TempDir Path dir) throws Exception {
        EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), WEBAPP);
        int port = server.port();
        server.stop();
        server.stop();
        server.awaitStop();
        assertThatThrownBy(() -> get(port, "/api")).isInstanceOf(ConnectException.class);
    }

    @Test
    void serversStartedOneAfterAnother_eachLeaveNoDirectoryBehind(@TempDir Path dir) {
        EmbeddedServer first = new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), WEBAPP);
        first.stop();
        EmbeddedServer second = new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), WEBAPP);
        second.stop();
        assertThat(first.workDirectory()).doesNotExist();
        assertThat(second.workDirectory()).doesNotExist();
        assertThat(Path.of(System.getProperty("catalina.home")))
                .as("catalina.home, which Tomcat keeps JVM-wide and recreates at each start").doesNotExist();
    }

    @Test
    void portInUse_failsWithCannotListen(@TempDir Path dir) {
        try (EmbeddedServer first = new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), WEBAPP)) {
            EmbeddedServer second = new EmbeddedServer();
            assertThatThrownBy(() -> second.start(first.port(), "127.0.0.1", dir.resolve("logs"), WEBAPP))
                    .isInstanceOf(TestFarmException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void webappThatFailsToDeploy_failsStart_withPointerToTheLog(@TempDir Path dir) throws IOException {
        Path logsIsAFile = Files.writeString(dir.resolve("logs"), "a file, not a directory");
        assertThatThrownBy(() -> new EmbeddedServer().start(0, "127.0.0.1", logsIsAFile, WEBAPP))
                .isInstanceOf(TestFarmException.class)
                .hasMessageContaining("failed to start");
    }

    @Test
    void directoryWithoutWebXml_isRefusedBeforeStarting(@TempDir Path dir) {
        assertThatThrownBy(() -> new EmbeddedServer().start(0, "127.0.0.1", dir.resolve("logs"), dir))
                .isInstanceOf(TestFarmException.class)
                .hasMessage(dir + " is not a web application: it has no WEB-INF/web.xml");
    }

    @Test
    void unknownHost_isRefusedBeforeStarting(@TempDir Path dir) {
        assertThatThrownBy(() -> new EmbeddedServer().start(0, "no-such-host.invalid", dir.resolve("logs"), WEBAPP))
                .isInstanceOf(TestFarmException.class)
                .hasMessage("unknown host 'no-such-host.invalid'");
    }
}
