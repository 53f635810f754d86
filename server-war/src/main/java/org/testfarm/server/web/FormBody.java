package org.testfarm.server.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.testfarm.wire.BadRequestException;

/**
 * The form fields of a body already read (a signed request's, whose bytes were
 * checked against its signature before anything parses them): multipart/form-data
 * as deployed clients send it, or urlencoded.
 */
final class FormBody {

    /** At most this many parts, as the embedded server's multipart limit. */
    static final int MAX_PARTS = 64;

    private FormBody() {}

    static Map<String, String> fields(String contentType, byte[] body, int maxParts) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return RequestFields.query(new String(body, StandardCharsets.ISO_8859_1));
        }
        if (!type.startsWith("multipart/form-data")) {
            return new LinkedHashMap<>();
        }
        return multipart(boundary(contentType), body, maxParts);
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9);
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty() && value.length() <= 70) {
                    return value;
                }
            }
        }
        throw new BadRequestException("multipart body without a usable boundary");
    }

    private static Map<String, String> multipart(String boundary, byte[] body, int maxParts) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new BadRequestException("multipart body without its boundary");
        }
        while (true) {
            int after = at + delimiter.length;
            if (startsWith(body, after, "--")) {
                return fields; // the closing delimiter; what follows is an epilogue
            }
            if (!startsWith(body, after, "\r\n")) {
                throw new BadRequestException("multipart boundary not followed by a line end");
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), after + 2);
            if (headersEnd < 0) {
                throw new BadRequestException("multipart part without the blank line after its headers");
            }
            String name = partName(new String(body, after + 2, headersEnd - after - 2, StandardCharsets.UTF_8));
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                throw new BadRequestException("multipart body cut short");
            }
            if (fields.size() >= maxParts) {
                throw new RequestTooLargeException("more than " + maxParts + " parts");
            }
            fields.put(name, new String(body, headersEnd + 4, next - headersEnd - 4, StandardCharsets.UTF_8));
            at = next + 2;
        }
    }

    private static String partName(String headers) {
        for (String header : headers.split("\r\n")) {
            if (header.regionMatches(true, 0, "content-disposition:", 0, 20)) {
                for (String parameter : header.substring(20).split(";")) {
                    String p = parameter.strip();
                    if (p.startsWith("name=\"") && p.endsWith("\"") && p.length() >= 7) {
                        return p.substring(6, p.length() - 1);
                    }
                }
            }
        }
        throw new BadRequestException("multipart part without a form-data name");
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        return at + text.length() <= body.length
                && new String(body, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
