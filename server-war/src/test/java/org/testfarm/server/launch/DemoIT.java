package org.testfarm.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.testing.ChildJvm;

/** {@code java -jar testfarm.war demo}: a populated farm from the built WAR alone. */
@Timeout(300)
class DemoIT {

    private static final Pattern STARTUP = Pattern.compile("TestFarm serving .* at (http://\\S+)");

    @Test
    void theDemoServesAFarmWithGreenRedAndRunningClients(@TempDir Path tmp) throws Exception {
        try (ChildJvm demo = LaunchedWar.launch(tmp, "demo", "--port", "0", "--logs", tmp.resolve("logs").toString(),
                "--no-clients")) {
            Matcher started = STARTUP.matcher(demo.nextLine(Duration.ofSeconds(120)));
            assertThat(started.find()).isTrue();
            String url = started.group(1);
            assertThat(demo.nextLine(Duration.ofSeconds(10))).contains(url + "Demo/index.html");

            HttpResponse<String> feed = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "Demo/testfarm-data.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode clients = new ObjectMapper().readTree(feed.body()).get("clients");
            assertThat(clients).hasSizeGreaterThanOrEqualTo(3);
            assertThat(clients.findValuesAsText("status")).contains("green", "red");
            assertThat(clients.findValuesAsText("doing")).contains("run", "wait");
        }
    }
}
