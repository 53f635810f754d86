package org.testfarm.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testfarm.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar testfarm.war serve}, the built WAR in its own JVM. */
@Timeout(300)
class StandaloneServeIT {

    private static final Pattern STARTUP = Pattern.compile("TestFarm serving (.+) at http://(.+):(\\d+)/");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return response.body();
    }

    private static List<Path> children(Path directory, String prefix) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(child -> child.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    @Test
    void serve_printsStartupLine_answersTheApi_andStopsOnSigterm(@TempDir Path tmp) throws Exception {
        Path logs = tmp.resolve("farm logs");
        long firstMillis;
        try (ChildJvm war = LaunchedWar.launch(tmp, "serve", "--port", "0", "--logs", logs.toString())) {
            long launched = System.nanoTime();
            Matcher startup = STARTUP.matcher(war.nextLine(STARTUP_TIMEOUT));
            firstMillis = (System.nanoTime() - launched) / 1_000_000;
            assertThat(startup.matches()).as("startup line").isTrue();
            assertThat(startup.group(1)).isEqualTo(logs.toAbsolutePath().toString());
            assertThat(startup.group(2)).isEqualTo("0.0.0.0");
            assertThat(logs).isDirectory();
            int port = Integer.parseInt(startup.group(3));

            assertThat(get(port, "/testfarmservice/api")).isEqualTo("2.0");
            assertThat(get(port, "//api")).isEqualTo("2.0");

            war.terminate();
            war.exitCode(Duration.ofSeconds(30));
            assertThat(war.remainingStdout()).as("stdout after the startup line").isEmpty();
            assertThat(children(tmp, "testfarm-tomcat-")).as("Tomcat's work directory, removed on stop").isEmpty();
        }

        long secondMillis;
        try (ChildJvm again = LaunchedWar.launch(tmp, "serve", "--port", "0", "--host", "127.0.0.1",
                "--logs", logs.toString())) {
            long launched = System.nanoTime();
            assertThat(again.nextLine(STARTUP_TIMEOUT)).matches(STARTUP.pattern()).contains("http://127.0.0.1:");
            secondMillis = (System.nanoTime() - launched) / 1_000_000;
        }
        Path cache = children(tmp, "testfarm-").stream().filter(p -> !p.getFileName().toString()
                .startsWith("testfarm-tomcat-")).findFirst().orElseThrow();
        assertThat(children(cache, "")).as("one unpacked copy, reused by the second launch, and its lock file")
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(copy(cache).getFileName().toString(), copy(cache).getFileName() + ".lock");
        System.out.printf("java -jar testfarm.war serve, launch to startup line: %d ms unpacking the WAR,"
                + " %d ms reusing it%n", firstMillis, secondMillis);
    }

    private static Path copy(Path cache) throws java.io.IOException {
        return Bootstrap.copyOf(LaunchedWar.WAR, cache);
    }
}
