package org.testfarm.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.testfarm.literal.PyLiteral;

/**
 * Sends wire-protocol requests the way deployed Python clients do: multipart, fixed
 * boundary, literal values. Each calling thread keeps one HTTP/1.1 connection open
 * (a new one when the server closes it) and writes the request itself: the load
 * generator runs on the same two cores as the server, and {@code HttpURLConnection}
 * cost about as much CPU per request as the server spent storing it.
 */
final class WireClient {

    private static final String BOUNDARY = "----------Nobody-expects-the-Spanish-Inquisition";

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    WireClient(String serverUrl) {
        URI uri = URI.create(serverUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    void send(String method, Map<String, Object> arguments) throws IOException {
        StringBuilder body = new StringBuilder();
        arguments.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(PyLiteral.format(value)).append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST /testfarmservice/" + method + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        Connection connection = connections.get();
        if (connection == null || connection.closed) {
            connection = new Connection(new Socket(host, port));
            connections.set(connection);
        }
        String answer = connection.exchange(head.getBytes(StandardCharsets.US_ASCII), bytes);
        if (connection.status != 200 || !"Done".equals(answer)) {
            throw new IOException(method + " answered " + connection.status + ": " + answer);
        }
    }

    /** One keep-alive connection: a request written whole, its answer read by Content-Length. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        int status;
        boolean closed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        String exchange(byte[] head, byte[] body) throws IOException {
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            String[] words = statusLine.split(" ", 3);
            if (words.length < 2 || !words[0].startsWith("HTTP/1.")) {
                close();
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            status = Integer.parseInt(words[1]);
            long length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                } else if (lower.startsWith("transfer-encoding:")) {
                    close();
                    throw new IOException("unexpected " + header);
                }
            }
            byte[] answer = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
            if (length < 0 || closed) {
                close();
            }
            return new String(answer, StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    close();
                    throw new IOException("the server closed the connection");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        private void close() throws IOException {
            closed = true;
            socket.close();
        }
    }

    static Map<String, Object> args(String project, String client, String execution, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("project", project);
        map.put("client", client);
        if (execution != null) {
            map.put("execution", execution);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }
}
