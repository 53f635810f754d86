package org.testfarm.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one {@link WireRequest} as deployed clients do: {@code POST <base>/<method>},
 * multipart/form-data. 2xx is delivered; 408, 429, 5xx and network failures are
 * worth a retry; any other answer is refused (and says why, with the server's body).
 */
final class WirePost {

    private final String base;
    private final HttpClient http;
    private final Duration timeout;

    WirePost(URI base, Duration connectTimeout, Duration timeout) {
        this.base = base.toString();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /**
     * The address of {@code method}: {@code <base>/<method>}. A base ending in a
     * slash gives {@code <prefix>//<method>}, as deployed clients send it.
     */
    URI address(WireMethod method) {
        return URI.create(base + "/" + method.wireName());
    }

    Delivery send(WireRequest request) {
        HttpRequest post = HttpRequest.newBuilder(address(request.method()))
                .timeout(timeout)
                .header("Content-Type", request.contentType())
                .header("User-Agent", "TestFarm-java/2")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.multipartBody()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return Delivery.retry("cannot reach " + post.uri() + ": " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted while sending to " + post.uri(), null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Delivery.DELIVERED;
        }
        String answer = "answered " + status + " to " + request.method().wireName() + ": "
                + new String(response.body(), StandardCharsets.UTF_8).strip();
        if (status >= 500 || status == 408 || status == 429) {
            return Delivery.retry(post.uri().getAuthority() + " " + answer, retryAfter(response));
        }
        return Delivery.refused(post.uri().getAuthority() + " " + answer);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
