package org.testfarm.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.testfarm.literal.PyLiteral;

/** Sends wire-protocol requests the way deployed Python clients do: multipart, fixed boundary, literal values. */
final class WireClient {

    private static final String BOUNDARY = "----------Nobody-expects-the-Spanish-Inquisition";

    private final HttpClient http;
    private final String base;

    WireClient(HttpClient http, String serverUrl) {
        this.http = http;
        this.base = serverUrl + "testfarmservice/";
    }

    void send(String method, Map<String, Object> arguments) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        arguments.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(PyLiteral.format(value)).append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + method))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !"Done".equals(response.body())) {
            throw new IOException(method + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static Map<String, Object> args(String project, String client, String execution, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", project);
        map.put("client", client);
        if (execution != null) {
            map.put("execution", execution);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }
}
