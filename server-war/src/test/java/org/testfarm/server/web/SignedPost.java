package org.testfarm.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.testfarm.event.ClientRef;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;
import org.testfarm.wire.WireRequest;

/** Sends a wire request signed as the Java client signs it, with hooks to spoil the signature. */
record SignedPost(HttpClient http, String base) {

    /** One signed request, as it will be sent: headers and body may be changed before {@link #send}. */
    static final class Signed {
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;

        Signed(String path, byte[] body) {
            this.path = path;
            this.body = body;
        }
    }

    /** The request as v1 Python clients send it: no signature headers. */
    static Signed unsigned(WireRequest request) {
        Signed unsigned = new Signed("/testfarmservice/" + request.method().wireName(), request.multipartBody());
        unsigned.headers.put("Content-Type", request.contentType());
        return unsigned;
    }

    Signed sign(WireRequest request, ClientRef keyOwner, ClientKey key, long skewSeconds) {
        byte[] body = request.multipartBody();
        Signed signed = new Signed("/testfarmservice/" + request.method().wireName(), body);
        signed.headers.put("Content-Type", request.contentType());
        signed.headers.putAll(RequestSignature.headers(key, keyOwner, "POST", request.method().wireName(), "",
                request.contentType(), body, Instant.now().getEpochSecond() + skewSeconds));
        return signed;
    }

    HttpResponse<String> send(Signed signed) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + signed.path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body));
        signed.headers.forEach(builder::header);
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(WireRequest request, ClientRef keyOwner, ClientKey key, Consumer<Signed> change) {
        Signed signed = sign(request, keyOwner, key, 0);
        change.accept(signed);
        return send(signed);
    }

    HttpResponse<String> send(WireRequest request, ClientRef client, ClientKey key) {
        return send(request, client, key, signed -> { });
    }
}
