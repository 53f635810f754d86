package org.testfarm.literal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request captured from the Python client ({@code shared/fixtures/wire}):
 * its method name and its multipart form fields, values as sent (still literals).
 */
record CapturedRequest(String method, Map<String, String> fields) {

    private static final Pattern REQUEST_LINE = Pattern.compile("^POST \\S*/(\\w+) HTTP/1\\.[01]\r\n");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)\r\nContent-Type: multipart/form-data; boundary=(\\S+)\r\n");
    private static final Pattern FIELD_NAME = Pattern.compile("(?i)Content-Disposition: form-data; name=\"([^\"]+)\"");

    static CapturedRequest read(Path file) throws IOException {
        String request = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Matcher requestLine = REQUEST_LINE.matcher(request);
        Matcher boundary = BOUNDARY.matcher(request);
        if (!requestLine.find() || !boundary.find()) {
            throw new IllegalArgumentException(file + " is not a multipart POST");
        }
        String body = request.substring(request.indexOf("\r\n\r\n") + 4);
        String delimiter = "--" + boundary.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        String[] parts = body.split(Pattern.quote(delimiter), -1);
        // parts[0] is the preamble, the last part follows the closing "--" delimiter
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            int headersEnd = part.indexOf("\r\n\r\n");
            Matcher name = FIELD_NAME.matcher(part.substring(0, headersEnd));
            if (!name.find() || !part.endsWith("\r\n")) {
                throw new IllegalArgumentException(file + ": malformed part " + i);
            }
            fields.put(name.group(1), part.substring(headersEnd + 4, part.length() - 2));
        }
        return new CapturedRequest(requestLine.group(1), fields);
    }
}
