package org.testfarm.tray;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/** A web server holding one project's feed, {@code /<project>/testfarm-data.js}, that tests change at will. */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> feed = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    FeedServer(String project) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/" + project + "/testfarm-data.js", exchange -> {
            requests.incrementAndGet();
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String pageUrl(String project) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + project + "/";
    }

    /** How many requests for the feed have come in. */
    int requests() {
        return requests.get();
    }

    void serve(String json) {
        feed.set(json);
    }

    /** A feed as the server's SummaryFeed writes it; {@code redClient} null for an all-green project. */
    static String feed(String project, String redClient) {
        return """
                {
                  "project" : "%s",
                  "lastupdate" : "2024/03/01 10:00:00",
                  "clients" : [ {
                    "name" : "linux", "description" : "", "name_details" : "",
                    "status" : "%s", "doing" : "wait", "lastupdate" : "2024/03/01 11:00:00",
                    "failedTasks" : %s, "lastExecution" : "2024/03/01 09:55:00",
                    "currentTask" : null, "currentExecution" : null
                  }, {
                    "name" : "mac", "description" : "", "name_details" : "",
                    "status" : "green", "doing" : "run", "lastupdate" : "",
                    "failedTasks" : [ ], "lastExecution" : "2024/03/01 09:58:00",
                    "currentTask" : "build", "currentExecution" : "20240301-095800"
                  } ]
                }
                """.formatted(project, "linux".equals(redClient) ? "red" : "green",
                "linux".equals(redClient) ? "[ \"unit tests\" ]" : "[ ]");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
