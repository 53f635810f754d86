package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One request captured from the Python client: its method, path, content type and
 * body bytes, which a replay sends unchanged.
 *
 * <p>File format: request line, header lines, an empty line, the body; lines of the
 * head end with CRLF (a bare LF is accepted too).
 */
record CapturedRequest(String file, String httpMethod, String path, String contentType, byte[] body) {

    static CapturedRequest read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int headEnd = find(data, "\r\n\r\n");
        int bodyStart = headEnd + 4;
        if (headEnd < 0) {
            headEnd = find(data, "\n\n");
            bodyStart = headEnd + 2;
        }
        if (headEnd < 0) {
            throw new IllegalArgumentException(file + ": no empty line after the headers");
        }
        String[] head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r?\n");
        String[] requestLine = head[0].split(" ");
        String contentType = null;
        for (String header : Arrays.copyOfRange(head, 1, head.length)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-type")) {
                contentType = header.substring(colon + 1).trim();
            }
        }
        return new CapturedRequest(file.getFileName().toString(), requestLine[0], requestLine[1], contentType,
                Arrays.copyOfRange(data, bodyStart, data.length));
    }

    /** The wire method: the last segment of the captured path, e.g. {@code commandEnds}. */
    String wireMethod() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The literal the client sent for a form field, e.g. {@code 'CaptureProject'}. */
    String field(String name) {
        return MultipartForm.fields(contentType, body).get(name);
    }

    private static int find(byte[] data, String needle) {
        byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + bytes.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + bytes.length, bytes, 0, bytes.length)) {
                return i;
            }
        }
        return -1;
    }
}
