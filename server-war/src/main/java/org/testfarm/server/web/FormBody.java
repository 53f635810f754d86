package org.testfarm.server.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The form fields of a body already read (a signed request's, whose bytes were
 * checked against its signature before anything parses them): multipart/form-data
 * as deployed clients send it, parsed by {@link MultipartFields}, or urlencoded.
 */
final class FormBody {

    private FormBody() {}

    static Map<String, String> fields(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return RequestFields.query(new String(body, StandardCharsets.ISO_8859_1));
        }
        if (!type.startsWith("multipart/form-data")) {
            return new LinkedHashMap<>();
        }
        return MultipartFields.parse(contentType, body, RequestFields.MAX_PARTS);
    }
}
