package org.testfarm.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on the loopback interface that keeps every request it gets
 * (path and decoded fields) and answers 200 {@code Done}, or the statuses it is
 * told to give first.
 */
final class RecordingServer implements AutoCloseable {

    record Received(String path, String method, Map<String, String> fields) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    private RecordingServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingServer start(int port) throws IOException {
        return new RecordingServer(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The next requests get {@code status} with {@code body}, in the order told. */
    synchronized RecordingServer answer(int status, String body) {
        answers.add(new Answer(status, body));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Only the requests the server took (answered 200). */
    synchronized List<String> methods() {
        return received.stream().map(Received::method).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        String path = exchange.getRequestURI().getRawPath();
        CapturedHttp request = new CapturedHttp(path, Map.of(), body);
        Answer answer;
        synchronized (this) {
            answer = answers.isEmpty() ? new Answer(200, "Done") : answers.poll();
            if (answer.status() == 200) {
                received.add(new Received(path, request.method(), request.fields(boundary)));
            }
        }
        byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
