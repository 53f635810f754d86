package org.testfarm.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multipart/form-data body as the Python client writes it: one part per field,
 * each value a Python literal. Builds new bodies and reads the fields of captured ones.
 */
final class MultipartForm {

    /** The boundary the Python client uses. */
    static final String BOUNDARY = "----------Nobody-expects-the-Spanish-Inquisition";
    private static final Pattern BOUNDARY_PARAMETER = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FIELD_NAME = Pattern.compile("name=\"([^\"]*)\"");

    private final Map<String, String> fields = new LinkedHashMap<>();

    static MultipartForm of(Map<String, String> literals) {
        MultipartForm form = new MultipartForm();
        form.fields.putAll(literals);
        return form;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, literal) -> {
            write(out, "--" + BOUNDARY + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            write(out, literal + "\r\n");
        });
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /** The fields of a multipart body, name to value (decoded as UTF-8), in order. */
    static Map<String, String> fields(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY_PARAMETER.matcher(String.valueOf(contentType));
        if (!boundary.find()) {
            throw new IllegalArgumentException("not a multipart content type: " + contentType);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(Pattern.quote("--" + boundary.group(1)))) {
            int headEnd = part.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                continue;
            }
            Matcher name = FIELD_NAME.matcher(part.substring(0, headEnd));
            if (name.find()) {
                String value = part.substring(headEnd + 4);
                out.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
        return out;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
