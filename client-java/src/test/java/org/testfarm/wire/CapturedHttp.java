package org.testfarm.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request captured from the Python client ({@code shared/fixtures/wire}), kept
 * as bytes: its path, headers, and multipart body split into raw parts.
 */
record CapturedHttp(String path, Map<String, String> headers, byte[] body) {

    private static final Pattern REQUEST_LINE = Pattern.compile("^POST (\\S+) HTTP/1\\.[01]$");
    private static final Pattern FIELD_NAME = Pattern.compile("name=\"([^\"]+)\"");

    static CapturedHttp read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, headEnd).split("\r\n");
        Matcher line = REQUEST_LINE.matcher(head[0]);
        if (!line.matches()) {
            throw new IllegalArgumentException(file + " is not a POST");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : Arrays.asList(head).subList(1, head.length)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon), header.substring(colon + 1).strip());
        }
        return new CapturedHttp(line.group(1), headers, Arrays.copyOfRange(all, headEnd + 4, all.length));
    }

    String method() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The raw parts between boundary lines, as ISO-8859-1 text (one char per byte). */
    static List<String> parts(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String[] pieces = text.split(Pattern.quote("--" + boundary), -1);
        return Arrays.asList(pieces).subList(1, pieces.length - 1);
    }

    /** The closing boundary and what follows it. */
    static String tail(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return text.substring(text.lastIndexOf("--" + boundary));
    }

    /** The fields, values decoded as UTF-8 as the server reads them. */
    Map<String, String> fields(String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : parts(body, boundary)) {
            int valueStart = part.indexOf("\r\n\r\n") + 4;
            Matcher name = FIELD_NAME.matcher(part.substring(0, valueStart));
            name.find();
            byte[] value = part.substring(valueStart, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
            fields.put(name.group(1), new String(value, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
