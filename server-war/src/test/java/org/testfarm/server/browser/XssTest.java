package org.testfarm.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyTuple;
import org.testfarm.server.cli.Cli;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.server.robust.RobustFarm;
import org.testfarm.server.robust.WireSender;
import org.testfarm.server.site.Site;
import org.testfarm.server.site.StaticSite;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.WireEncoder;

/**
 * 100 XSS vectors in every field a client reports (task names, command lines,
 * output, info, stats names, the snapshot's changes, the execution's extra
 * keywords) and in the descriptions the admin sets with {@code meta}; every page
 * and feed of the live site and of the static site loaded in headless Chromium:
 * no vector runs (each would call a function the browser exposes), no console
 * error, nothing executable in the DOM, and the security headers on every answer
 * (issue 8). Names cannot carry a vector: the name rule refuses {@code <>"'&/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
class XssTest {

    static final String PROJECT = "xss";
    static final int CLIENTS = 10;
    static final String DOM_SCAN = """
            (() => { const bad = [];
              const URL_ATTRIBUTES = ['href', 'src', 'action', 'xlink:href', 'data', 'poster', 'background', 'srcset',
                                      'codebase', 'cite', 'ping', 'content'];
              for (const e of document.querySelectorAll('*')) {
                const tag = e.localName;
                if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'form', 'template', 'noscript',
                     'video', 'audio', 'marquee', 'math', 'input'].includes(tag)) bad.push('<' + tag + '>');
                if (tag === 'script' && !/(^|\\/)static\\/testfarm\\.js$/.test(e.getAttribute('src') || '')) {
                  bad.push('script ' + (e.getAttribute('src') || e.textContent.slice(0, 60)));
                }
                if (tag === 'meta' && /url=/i.test(e.getAttribute('content') || '')) bad.push('meta refresh');
                for (const a of e.attributes) {
                  const value = a.value.replace(/[\\s\\u0000-\\u001f]/g, '');
                  if (/^on/i.test(a.name) || a.name === 'srcdoc' || a.name === 'formaction'
                      || (URL_ATTRIBUTES.includes(a.name) && /^(javascript|vbscript|data:text\\/html)/i.test(value))) {
                    bad.push(tag + ' ' + a.name + '=' + a.value.slice(0, 60));
                  }
                }
              }
              return JSON.stringify(bad); })()""";

    /**
     * The one console error a neutralised vector leaves: the sanitizer keeps an
     * admin's images in descriptions, so {@code <img src=x onerror=...>} becomes a
     * harmless {@code <img src="x">} that fails to load.
     */
    static final Pattern VECTOR_IMAGE = Pattern.compile("^Failed to load resource: .* (http://\\S+|file:\\S+)/x$");

    final List<String> vectors = XssVectors.all();
    Chromium browser;
    Path profile;

    @BeforeAll
    void startBrowser() throws Exception {
        Optional<Path> binary = Chromium.binary();
        assertThat(binary).as("a chromium binary (/usr/bin/chromium; .ci/run installs Debian's chromium)").isPresent();
        profile = Files.createTempDirectory("testfarm-chromium");
        browser = new Chromium(binary.get(), profile);
        browser.addBinding(XssVectors.BINDING);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void noVectorRunsOnAnyPageOrFeedLiveOrStatic(@TempDir Path tmp) throws Exception {
        Path logs = tmp.resolve("logs");
        Path out = tmp.resolve("site");
        List<ClientRef> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(new ClientRef(PROJECT, "client-" + c));
        }
        RobustFarm.register(logs, clients);
        describe(logs, clients);
        List<String> problems = new ArrayList<>();
        int visits = 0;
        int feeds = 0;
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, RobustFarm.WEBAPP)) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            report(new WireSender(base + "testfarmservice/"), clients);
            try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
                new StaticSite(new Site(new FarmState(store, Clock.systemDefaultZone(), FarmState.DEFAULT_SILENCE),
                        Integer.MAX_VALUE), out, "", 2).generate();
            }
            List<String> pages = pages(out);
            assertThat(pages).contains("index.html", PROJECT + "/index.html", PROJECT + "/history.html",
                    PROJECT + "/cc.xml", PROJECT + "/feed.atom", PROJECT + "/client-3-stats.html");
            assertThat(pages.stream().filter(p -> p.contains("/details-"))).hasSize(CLIENTS);
            HttpClient http = HttpClient.newHttpClient();
            for (String page : pages) {
                problems.addAll(headers(http, base, page));
                if (page.endsWith(".html") || page.endsWith(".svg")) {
                    problems.addAll(load("live", base + page, page));
                    problems.addAll(load("static", out.resolve(page).toUri().toString(), page));
                    visits += 2;
                } else if (page.endsWith(".xml") || page.endsWith(".atom")) {
                    problems.addAll(feed(http, base, page));
                    problems.addAll(feed(out, page));
                    feeds += 2;
                }
            }
            problems.addAll(headers(http, base, PROJECT + "/testfarm-data.jsond"));
            problems.addAll(headers(http, base, PROJECT + "/testfarm-data.js"));
        }
        assertThat(browser.bindingCalls()).as("vectors that ran").isEmpty();
        assertThat(problems).isEmpty();
        System.out.printf("robust: %d XSS vectors in every client field and the descriptions; %d page loads"
                + " (live and static) in Chromium: 0 ran, 0 executable elements, no console error but the 404s of neutralised"
                + " <img src=x>; %d XML feeds"
                + " without markup of their own%n", vectors.size(), visits, feeds);
    }

    /** The descriptions, set the admin's way ({@code meta}): every vector in the project's, ten in each client's. */
    void describe(Path logs, List<ClientRef> clients) {
        meta(logs, List.of(PROJECT), String.join(" ", vectors.subList(0, 50)), String.join(" ", vectors.subList(50, 100)));
        for (int c = 0; c < clients.size(); c++) {
            List<String> ten = vectors.subList(10 * c, 10 * c + 10);
            meta(logs, List.of(PROJECT, clients.get(c).client()), String.join("", ten), String.join("<br>", ten));
        }
    }

    private static void meta(Path logs, List<String> target, String brief, String description) {
        List<String> line = new ArrayList<>(List.of("meta", logs.toString(), "--set", "briefDescription", brief,
                "--set", "description", description, "--"));
        line.addAll(target);
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), line.toArray(String[]::new));
        assertThat(exit).as("meta: %s", err).isZero();
    }

    /** Each client reports one red execution of ten tasks; task t of client c carries vector 10c+t-1 everywhere. */
    void report(WireSender sender, List<ClientRef> clients) throws IOException {
        WireEncoder encoder = new WireEncoder();
        for (int c = 0; c < clients.size(); c++) {
            ExecutionRef ref = clients.get(c).execution(String.format("20261126-1000%02d", c));
            List<Object> snapshot = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                String v = vectors.get(10 * c + t);
                snapshot.add(PyTuple.of(v, v, v));
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("snapshot", snapshot);
            info.put("timestamp", vectors.get(10 * c));
            info.put("changelog", vectors.get(10 * c + 1));
            info.put(vectors.get(10 * c + 2).replaceAll("[^a-z]", "") + "_note", vectors.get(10 * c + 3));
            List<ExecutionEvent> events = new ArrayList<>();
            events.add(new ExecutionEvent.ExecutionStarted(info));
            for (int t = 1; t <= 10; t++) {
                String v = vectors.get(10 * c + t - 1);
                Map<String, Number> stats = new LinkedHashMap<>();
                stats.put(v, 1.5 * t);
                stats.put("tests", t);
                events.add(new ExecutionEvent.TaskStarted(t, v));
                events.add(new ExecutionEvent.CommandStarted(t, 1, v));
                events.add(new ExecutionEvent.CommandEnded(t, 1, v, false, v, stats));
                events.add(new ExecutionEvent.TaskEnded(t, false));
            }
            if (c % 2 == 0) { // the others still run: their current task shows on the summary
                events.add(new ExecutionEvent.ExecutionEnded(false, null));
            }
            for (ExecutionEvent event : events) {
                WireSender.Answer answer = sender.send(encoder.event(ref, event));
                assertThat(answer.done()).as("%s of %s: %s", event.key(), ref, answer).isTrue();
            }
        }
    }

    /** Every page and feed the static site has (not its fixed assets and charts): the same paths the live site serves. */
    static List<String> pages(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("static/") && !p.endsWith(".png") && !p.startsWith("."))
                    .sorted().toList();
        }
    }

    /** The security headers of a live answer. */
    static List<String> headers(HttpClient http, String base, String page) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        if (response.statusCode() != 200) {
            problems.add(page + ": live status " + response.statusCode());
        }
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        if (!csp.contains("script-src 'self'") || !csp.contains("default-src 'none'") || csp.contains("unsafe")) {
            problems.add(page + ": Content-Security-Policy '" + csp + "'");
        }
        if (!response.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
            problems.add(page + ": no X-Content-Type-Options: nosniff");
        }
        if (response.headers().firstValue("Referrer-Policy").isEmpty()) {
            problems.add(page + ": no Referrer-Policy");
        }
        return problems;
    }

    /** A live XML feed: well-formed, nothing from the XHTML namespace, no script element. */
    static List<String> feed(HttpClient http, String base, String page) throws Exception {
        return xml("live " + page, http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    static List<String> feed(Path out, String page) throws IOException {
        return xml("static " + page, Files.readAllBytes(out.resolve(page)));
    }

    private static List<String> xml(String what, byte[] content) {
        List<String> problems = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if ("http://www.w3.org/1999/xhtml".equals(element.getNamespaceURI())
                        || element.getLocalName().equalsIgnoreCase("script")) {
                    problems.add(what + ": element " + element.getTagName());
                }
            }
        } catch (Exception e) {
            problems.add(what + ": not well-formed XML: " + e.getMessage());
        }
        return problems;
    }

    /** Loads a page in the browser: console errors, vectors that ran, executable elements; vectors shown as text. */
    List<String> load(String site, String url, String page) throws Exception {
        List<String> problems = new ArrayList<>();
        Chromium.Visit visit = browser.visit(url, 250, false);
        visit.errors().stream().filter(error -> !VECTOR_IMAGE.matcher(error).find())
                // a bare SVG document cannot name its icon: Chromium asks for /favicon.ico
                .filter(error -> !(page.endsWith(".svg") && error.endsWith("/favicon.ico")))
                .forEach(error -> problems.add(site + " " + page + ": " + error));
        String bad = browser.evaluate(DOM_SCAN).asText();
        if (!bad.equals("[]")) {
            problems.add(site + " " + page + ": executable markup " + bad);
        }
        if (page.contains("/details-")) {
            boolean shown = browser.evaluate("document.body.innerText.includes('tfXss(')").asBoolean();
            if (!shown) {
                problems.add(site + " " + page + ": shows no vector as text (the test would prove nothing)");
            }
        }
        return problems;
    }
}
