package org.testfarm.jython.world;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfarm.testing.ChildJvm;

/**
 * The TestFarm server as an admin runs it: {@code java -jar testfarm.war serve
 * --port 0 --logs DIR}, after {@code addproject} and {@code addclient}, whose
 * printed key {@link #key()} gives.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("TestFarm serving .* at http://[^:]+:(\\d+)/");
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final ChildJvm process;
    private final int port;
    private final String key;
    public final Path logs;

    private StandaloneServer(ChildJvm process, int port, Path logs, String key) {
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
        ChildJvm process = start(tmp, "serve", "--port", "0", "--logs", logs.toString());
        try {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (true) {
                Matcher matcher = SERVING.matcher(
                        process.nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
                if (matcher.find()) {
                    return new StandaloneServer(process, Integer.parseInt(matcher.group(1)), logs, key);
                }
            }
        } catch (AssertionError | InterruptedException e) {
            process.close();
            throw new AssertionError("the server did not start: " + e.getMessage(), e);
        }
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
        try (ChildJvm process = start(tmp, args)) {
            if (process.exitCode(STARTUP) != 0) {
                throw new AssertionError("testfarm.war " + String.join(" ", args) + " failed: " + process.stderr());
            }
            return process.remainingStdout();
        }
    }

    private static ChildJvm start(Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("-jar", war().toString()));
        command.addAll(List.of(args));
        return ChildJvm.start(tmp, command);
    }

    @Override
    public void close() {
        process.close();
    }
}
