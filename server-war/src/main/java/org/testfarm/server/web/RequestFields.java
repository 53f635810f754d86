package org.testfarm.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.testfarm.store.StoreException;
import org.testfarm.wire.BadRequestException;

/**
 * The fields of a wire request: multipart form fields (what deployed clients
 * send), urlencoded form fields, and query parameters, which win over a form
 * field of the same name.
 */
final class RequestFields {

    /**
     * Multipart bodies up to this size, with a Content-Length, are read whole and
     * parsed by {@link MultipartFields}; larger ones by the container (the size up to
     * which the webapp's multipart-config keeps a part in memory anyway), so a
     * container's own limits, such as Tomcat's maxPostSize, still apply to them.
     */
    static final int SMALL_BODY_BYTES = 64 * 1024;
    /** Most parts in a small body, as the embedded server allows. */
    static final int MAX_PARTS = 64;

    private RequestFields() {}

    static Map<String, String> of(HttpServletRequest request, int maxFieldBytes) throws IOException, ServletException {
        Map<String, String> fields = new LinkedHashMap<>();
        String contentType = request.getContentType();
        long length = request.getContentLengthLong();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        if (multipart && length >= 0 && length <= Math.min(SMALL_BODY_BYTES, maxFieldBytes)) {
            byte[] body = request.getInputStream().readNBytes((int) length);
            if (body.length < length) {
                throw new BadRequestException("the body ended after " + body.length + " of its " + length + " bytes");
            }
            fields.putAll(MultipartFields.parse(contentType, body, MAX_PARTS));
        } else if (multipart) {
            java.util.Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IllegalStateException e) {
                // the container's multipart limits (size, part count) were exceeded
                throw new RequestTooLargeException(String.valueOf(e.getMessage()));
            } catch (IOException | ServletException e) {
                throw unreadableBody(e);
            }
            for (Part part : parts) {
                if (part.getSize() > maxFieldBytes) {
                    throw new BadRequestException("field '" + part.getName() + "' is larger than " + maxFieldBytes
                            + " bytes");
                }
                try (InputStream in = part.getInputStream()) {
                    fields.put(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } else if ("POST".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
        }
        fields.putAll(query(request.getQueryString()));
        return fields;
    }

    /**
     * A multipart body the container could not parse: a malformed or truncated body
     * is the client's fault (400), a full disk under the container's temporary parts
     * is the server's (507, retried by clients).
     */
    private static RuntimeException unreadableBody(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("No space left")) {
                return new StoreException("cannot keep the request body: " + cause.getMessage(), e);
            }
        }
        return new BadRequestException("malformed multipart/form-data body: " + e.getMessage());
    }

    static Map<String, String> query(String queryString) {
        Map<String, String> out = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return out;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("malformed query string near '" + pair + "'");
            }
        }
        return out;
    }
}
