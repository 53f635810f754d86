package org.testfarm.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.testfarm.event.ClientRef;

/**
 * Sends one {@link WireRequest} as deployed clients do: {@code POST <base>/<method>},
 * multipart/form-data, signed with the client's key when there is one
 * ({@link RequestSignature}, at each try: a replayed request gets a fresh
 * timestamp and nonce). 2xx is delivered; 401 (the key is missing, wrong or
 * rotated, or the clock is off), 408, 429, 5xx and network failures are worth a
 * retry, so the report waits in the spool until the admin or the server fixes
 * it; any other answer is refused (and says why, with the server's body).
 */
final class WirePost {

    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final Function<ClientRef, ClientKey> keys;

    /** {@code keys} gives each client's key, or null to send its reports unsigned. */
    WirePost(URI base, Duration connectTimeout, Duration timeout, Function<ClientRef, ClientKey> keys) {
        this.base = base.toString();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.keys = keys;
    }

    /**
     * The address of {@code method}: {@code <base>/<method>}. A base ending in a
     * slash gives {@code <prefix>//<method>}, as deployed clients send it.
     */
    URI address(WireMethod method) {
        return URI.create(base + "/" + method.wireName());
    }

    Delivery send(WireRequest request, ClientRef client) {
        byte[] body = request.multipartBody();
        HttpRequest.Builder builder = HttpRequest.newBuilder(address(request.method()))
                .timeout(timeout)
                .header("Content-Type", request.contentType())
                .header("User-Agent", "TestFarm-java/2");
        ClientKey key = keys.apply(client);
        if (key != null) {
            RequestSignature.headers(key, client, "POST", request.method().wireName(), "", request.contentType(), body,
                    Instant.now().getEpochSecond()).forEach(builder::header);
        }
        HttpRequest post = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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
        if (status >= 500 || status == 401 || status == 408 || status == 429) {
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
