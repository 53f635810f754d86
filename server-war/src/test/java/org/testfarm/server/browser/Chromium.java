package org.testfarm.server.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket from
 * {@code java.net.http}): loads pages, collects what the console reports as
 * errors (exceptions, console.error, failed loads, CSP violations), takes
 * screenshots.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    /** What a page showed: the errors its console reported, and a PNG of it. */
    record Visit(String url, List<String> errors, byte[] screenshot) {
    }

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<String> bindingCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The Chromium binary of this machine, if there is one. */
    static Optional<Path> binary() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    Chromium(Path binary, Path profile) throws Exception {
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1280,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browser = awaitListening();
        HttpClient http = HttpClient.newHttpClient();
        String port = URI.create(browser).getPort() + "";
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            throw new IOException("Chromium has no page to drive");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
        call("Log.enable", Map.of());
    }

    private String awaitListening() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line = err.readLine(); line != null && System.nanoTime() < deadline; line = err.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // Chromium went away
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IOException("Chromium did not open its DevTools port");
    }

    /** Loads a page, waits for it and a little after, and reports its console errors and a screenshot. */
    Visit visit(String url) throws Exception {
        return visit(url, 700, true);
    }

    /**
     * Exposes a function {@code name(text)} to every page's scripts; each call is
     * kept ({@link #bindingCalls()}) and reported as an error of the page it came from.
     */
    void addBinding(String name) throws Exception {
        call("Runtime.addBinding", Map.of("name", name));
    }

    /** Every call of a binding so far, whichever page made it, as "name(payload) on url". */
    List<String> bindingCalls() {
        return List.copyOf(bindingCalls);
    }

    /** The value of a JavaScript expression in the current page, as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("evaluating " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** {@link #visit(String)} settling {@code settleMillis} after the load event, with a screenshot or not. */
    Visit visit(String url, long settleMillis, boolean screenshot) throws Exception {
        events.clear();
        call("Page.navigate", Map.of("url", url));
        List<String> errors = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean loaded = false;
        long settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settle)) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event == null) {
                continue;
            }
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            if (method.equals("Page.loadEventFired") && !loaded) {
                loaded = true;
                settle = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settleMillis);
            } else if (method.equals("Runtime.bindingCalled")) {
                errors.add("script ran: " + params.path("name").asText() + "(" + params.path("payload").asText() + ")");
            } else if (method.equals("Runtime.exceptionThrown")) {
                errors.add("exception: " + params.path("exceptionDetails").path("exception").path("description").asText(
                        params.path("exceptionDetails").path("text").asText()));
            } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
                errors.add("console.error: " + params.path("args").toString());
            } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
                JsonNode entry = params.path("entry");
                errors.add(entry.path("text").asText() + " " + entry.path("url").asText());
            }
        }
        if (!loaded) {
            errors.add("the page did not finish loading in 30 s");
        }
        if (!screenshot) {
            return new Visit(url, errors, new byte[0]);
        }
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of());
        double height = Math.min(4000, metrics.path("cssContentSize").path("height").asDouble(900));
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", Math.max(900, height), "scale", 1)));
        return new Visit(url, errors, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        JsonNode answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.path("error"));
        }
        return answer.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.path("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else {
                        if (message.path("method").asText().equals("Runtime.bindingCalled")) {
                            bindingCalls.add(message.path("params").path("name").asText() + "("
                                    + message.path("params").path("payload").asText() + ")");
                        }
                        events.add(message);
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "unreadable"));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

}
