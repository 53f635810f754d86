package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Speaks HTTP to a deployed farm at {@code base} (e.g. {@code http://127.0.0.1:8080/testfarm}). */
final class FarmClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;

    FarmClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends a captured request as a client configured with {@code clientBase} would. */
    HttpResponse<String> replay(CapturedRequest request, ClientBase clientBase) {
        return send(HttpRequest.newBuilder(uri(clientBase.path(request.wireMethod())))
                .header("Content-Type", request.contentType())
                .header("User-Agent", "python-service-proxy/1.0")
                .method(request.httpMethod(), HttpRequest.BodyPublishers.ofByteArray(request.body())));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
