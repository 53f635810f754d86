package org.testfarm.jython.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TestFarm server as an admin runs it: {@code java -jar testfarm.war serve
 * --port 0 --logs DIR}, after {@code addproject} and {@code addclient}.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("TestFarm serving .* at http://[^:]+:(\\d+)/");

    private final Process process;
    private final int port;
    public final Path logs;

    private StandaloneServer(Process process, int port, Path logs) {
        this.process = process;
        this.port = port;
        this.logs = logs;
    }

    public static Path war() {
        return Path.of(System.getProperty("testfarm.war", "../server-war/target/testfarm.war")).toAbsolutePath();
    }

    /** Registers {@code project} and its {@code client} in {@code logs}, then serves them. */
    public static StandaloneServer serve(Path root, String project, String client) throws Exception {
        Path logs = root.resolve("logs");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        admin(tmp, "addproject", logs.toString(), project);
        admin(tmp, "addclient", logs.toString(), project, client);
        Process process = start(tmp, List.of("serve", "--port", "0", "--logs", logs.toString()), root.resolve("server.err"));
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    Matcher matcher = SERVING.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        int found;
        try {
            found = port.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            found = -1;
        }
        if (found < 0) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start: " + Files.readString(root.resolve("server.err")));
        }
        return new StandaloneServer(process, found, logs);
    }

    /** The base v1 scripts are given: {@code http://127.0.0.1:<port>/testfarmservice}. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + port + "/testfarmservice";
    }

    /** GET {@code path} on the server; the body. */
    public String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void admin(Path tmp, String... args) throws Exception {
        Path err = Files.createTempFile(tmp, "admin", ".err");
        Process process = start(tmp, List.of(args), err);
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("testfarm.war " + String.join(" ", args) + " failed: " + Files.readString(err));
        }
    }

    private static Process start(Path tmp, List<String> args, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", war().toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
