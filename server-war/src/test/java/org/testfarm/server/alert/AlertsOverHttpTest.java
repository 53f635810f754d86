package org.testfarm.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** A client reporting a broken build to the running webapp makes the project's mail channel send one mail. */
@Timeout(120)
class AlertsOverHttpTest {

    static final ClientRef CLIENT = new ClientRef("demo", "linux");

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path logs;
    EmbeddedServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("notify.mail.recipients", "dev@example.org");
        meta.put("notify.mail.from_email", "farm@example.org");
        meta.put("notify.mail.server", "localhost");
        meta.put("notify.mail.port", String.valueOf(GREENMAIL.getSmtp().getPort()));
        meta.put("notify.page", "http://farm.example.org");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CLIENT.project(), meta);
            store.createClient(CLIENT, Map.of());
        }
        KeyRing.of(logs).legacyUnsigned(CLIENT, true); // these requests are unsigned, as v1 clients send them
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void post(String method, String... fields) throws IOException, InterruptedException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("project", "'demo'");
        values.put("client", "'linux'");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        String boundary = "----alerts";
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n")
                .append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/testfarmservice/" + method))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as(method).isEqualTo("Done");

    }

    @Test
    void brokenBuildReportedOverHttpSendsOneMailWithTheFailure() throws Exception {
        String execution = "'20240301-101010'";
        post("clientIdle", "minutes", "5");
        post("executionStarts", "execution", execution, "snapshot", "[('src', 'Dev One', 'abc123')]");
        post("taskStarts", "execution", execution, "task", "1", "description", "'build'");
        post("commandStarts", "execution", execution, "task", "1", "command", "1", "commandline", "'make'");
        post("commandEnds", "execution", execution, "task", "1", "command", "1", "output", "'error: boom\\n'",
                "ok", "False", "info", "None", "stats", "{}");
        post("taskEnds", "execution", execution, "task", "1", "ok", "False");
        post("executionEnds", "execution", execution, "ok", "False");

        assertThat(GREENMAIL.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = GREENMAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[TestFarm] RED: demo/linux is broken (execution 20240301-101010)");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("http://farm.example.org/demo/details-linux-20240301-101010.html")
                .contains("1. build").contains("| error: boom").contains("abc123 by Dev One (src)");

        post("clientIdle", "minutes", "5");
        Thread.sleep(500);
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }
}
