package org.testfarm.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One report as it goes over the wire: a method and its fields in order, each
 * value a Python 2 literal. {@link #multipartBody()} is the body deployed clients
 * send; {@link #toBytes()} and {@link #fromBytes} keep a request in a spool.
 */
public record WireRequest(WireMethod method, Map<String, String> fields) {

    /** The boundary deployed clients use. */
    public static final String BOUNDARY = "----------Nobody-expects-the-Spanish-Inquisition";

    public WireRequest {
        Objects.requireNonNull(method, "method");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** One form-data part per field, CRLF line ends, the values' UTF-8 bytes as they are. */
    public byte[] multipartBody() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(body, "--" + BOUNDARY + "\r\n");
            write(body, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
            write(body, field.getValue());
            write(body, "\r\n");
        }
        write(body, "--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A compact binary form: the method name, then each field's name and value. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            writeText(out, method.wireName());
            out.writeInt(fields.size());
            for (Map.Entry<String, String> field : fields.entrySet()) {
                writeText(out, field.getKey());
                writeText(out, field.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws WireException when the bytes are not such a request
     */
    public static WireRequest fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            String name = readText(in);
            WireMethod method = WireMethod.byName(name).orElseThrow(() -> new UnknownMethodException(name));
            int count = in.readInt();
            if (count < 0 || count > 1000) {
                throw new WireException("a stored request cannot have " + count + " fields");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                fields.put(readText(in), readText(in));
            }
            if (in.available() > 0) {
                throw new WireException("a stored request has bytes after its last field");
            }
            return new WireRequest(method, fields);
        } catch (IOException e) {
            throw new WireException("a stored request is cut short: " + e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new WireException("a stored request has a field of impossible length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
