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
 * --port 0 --logs DIR}, after {@code addproject} and {@code addclient}, whose
 * printed key {@link #key()} gives.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("TestFarm serving .* at http://[^:]+:(\\d+)/");

    private final Process process;
    private final int port;
    private final String key;
    public final Path logs;

    private StandaloneServer(Process process, int port, Path logs, String key) {
        this.process = process;
        this.port = port;
        this.logs = logs;
        this.key = key;
    }

    public static Path war() {
        return Path.of(System.getProperty("testfarm.war", "../server-war/target/testfarm.war")).toAbsolutePath();
    }

    /**
     * Registers {@code project} and its {@code client} in {@code logs} ({@code addclient}
     * with {@code options}, such as {@code --legacy-unsigned}), then serves them.
     */
    public static StandaloneServer serve(Path root, String project, String client, String... options)
            throws Exception {
        Path logs = root.resolve("logs");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        admin(tmp, "addproject", logs.toString(), project);
        List<String> addclient = new ArrayList<>(List.of("addclient", logs.toString(), project, client));
        addclient.addAll(List.of(options));
        String key = admin(tmp, addclient.toArray(String[]::new)).lines().filter(line -> line.startsWith("tf1."))
                .findFirst().orElseThrow(() -> new AssertionError("addclient printed no key"));
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
        return new StandaloneServer(process, found, logs, key);
    }

    /** The client's key, as {@code addclient} printed it. */
    public String key() {
        return key;
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

    private static String admin(Path tmp, String... args) throws Exception {
        Path err = Files.createTempFile(tmp, "admin", ".err");
        Process process = start(tmp, List.of(args), err);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("testfarm.war " + String.join(" ", args) + " failed: " + Files.readString(err));
        }
        return out;
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
