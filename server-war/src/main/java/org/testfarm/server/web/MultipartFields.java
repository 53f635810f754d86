package org.testfarm.server.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.testfarm.wire.BadRequestException;

/**
 * The fields of a small multipart/form-data body (RFC 7578) read whole: what every
 * deployed client sends for each report. Parsing it here, in one pass over the
 * bytes, costs a fraction of the container's general multipart machinery (which
 * prepares a temporary file for every part); larger bodies still go to the
 * container, whose limits then apply.
 */
final class MultipartFields {

    private MultipartFields() {}

    /**
     * @throws BadRequestException when the body is not well-formed multipart, or a part has no name
     * @throws RequestTooLargeException when it has more than {@code maxParts} parts
     */
    static Map<String, String> parse(String contentType, byte[] body, int maxParts) {
        byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        int at = find(body, delimiter, 0, false);
        if (at < 0) {
            throw malformed("its boundary is missing");
        }
        while (true) {
            int pos = at + delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return fields; // the close delimiter: anything after it is an epilogue
            }
            while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
                pos++; // transport padding after a delimiter
            }
            if (pos + 1 >= body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
                throw malformed("a boundary is not followed by a line end");
            }
            int headersStart = pos + 2;
            int headersEnd = headersStart;
            while (!(headersEnd + 1 < body.length && body[headersEnd] == '\r' && body[headersEnd + 1] == '\n')) {
                int eol = lineEnd(body, headersEnd);
                if (eol < 0) {
                    throw malformed("a part's headers are cut short");
                }
                headersEnd = eol + 2;
            }
            String name = fieldName(new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.UTF_8));
            int contentStart = headersEnd + 2;
            int next = find(body, delimiter, contentStart, true);
            if (next < 0) {
                throw malformed("the body ends inside a part");
            }
            if (fields.size() >= maxParts) {
                throw new RequestTooLargeException("more than " + maxParts + " parts in one request");
            }
            int contentEnd = Math.max(contentStart, next - 2); // the CRLF before a delimiter is part of it
            fields.put(name, new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
            at = next;
        }
    }

    /** The boundary parameter of a multipart Content-Type (RFC 2046: 1 to 70 characters, maybe quoted). */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty() || value.length() > 70) {
                    break;
                }
                return value;
            }
        }
        throw malformed("its Content-Type has no usable boundary");
    }

    /** The name of a part's Content-Disposition: form-data header. */
    private static String fieldName(String headers) {
        for (String header : headers.split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon < 0 || !header.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String[] parameters = header.substring(colon + 1).split(";");
            if (!parameters[0].strip().toLowerCase(Locale.ROOT).equals("form-data")) {
                throw malformed("a part is not form-data");
            }
            for (int i = 1; i < parameters.length; i++) {
                String p = parameters[i].strip();
                if (p.regionMatches(true, 0, "name=", 0, 5)) {
                    String value = p.substring(5);
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value;
                }
            }
        }
        throw malformed("a part has no form-data name");
    }

    /** Where {@code delimiter} starts at or after {@code from}; with {@code afterLineEnd}, only right after CRLF. */
    private static int find(byte[] data, byte[] delimiter, int from, boolean afterLineEnd) {
        int last = data.length - delimiter.length;
        for (int i = Math.max(from, afterLineEnd ? 2 : 0); i <= last; i++) {
            if (data[i] != delimiter[0] || afterLineEnd && (data[i - 2] != '\r' || data[i - 1] != '\n')) {
                continue;
            }
            int j = 1;
            while (j < delimiter.length && data[i + j] == delimiter[j]) {
                j++;
            }
            if (j == delimiter.length) {
                return i;
            }
        }
        return -1;
    }

    private static int lineEnd(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static BadRequestException malformed(String why) {
        return new BadRequestException("malformed multipart body: " + why);
    }
}
