package org.testfarm.server.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.testfarm.wire.WireRequest;

/**
 * Posts wire requests to a server the way deployed clients do (multipart, their
 * fixed boundary), over kept-alive connections, and returns the answer whatever
 * its status.
 */
public final class WireSender {

    /** A server's answer. */
    public record Answer(int status, String body) {
        public boolean done() {
            return status == 200 && body.equals("Done");
        }
    }

    /** The content type of {@link #multipart} bodies. */
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + WireRequest.BOUNDARY;

    private final String base;

    /** {@code base} is e.g. {@code http://127.0.0.1:8080/testfarmservice/}. */
    public WireSender(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public Answer send(WireRequest request) throws IOException {
        return post(request.method().wireName(), request.contentType(), request.multipartBody());
    }

    /** Fields given as literal text, as deployed clients would send them. */
    public Answer send(String method, Map<String, String> literals) throws IOException {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        literals.forEach((name, value) -> fields.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return post(method, CONTENT_TYPE, multipart(fields));
    }

    /** A multipart body of the given field values, byte for byte. */
    public static byte[] multipart(Map<String, byte[]> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            body.writeBytes(("--" + WireRequest.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(value);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + WireRequest.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Any body under any content type, to {@code base + method}. */
    public Answer post(String method, String contentType, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + method).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", contentType);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
