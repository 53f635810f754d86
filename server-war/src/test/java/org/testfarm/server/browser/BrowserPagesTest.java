package org.testfarm.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.server.site.Site;
import org.testfarm.server.site.StaticSite;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * The pages in a real browser: a farm fed by replaying the captured client
 * requests, served live, and the upstream tree published as a static site opened
 * from file://. Pass = the console reports no error. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class BrowserPagesTest {

    static final ClientRef CAPTURE = new ClientRef("CaptureProject", "capture_client");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    Chromium browser;

    Path profile;

    @BeforeAll
    void startBrowser() throws Exception {
        Optional<Path> binary = Chromium.binary();
        Assumptions.assumeTrue(binary.isPresent(),
                "no chromium binary (/usr/bin/chromium): install Debian's chromium to run the browser tests");
        // not a @TempDir: Chromium may still write its profile while it exits
        profile = Files.createTempDirectory("testfarm-chromium");
        browser = new Chromium(binary.get(), profile);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (profile != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                // best effort: a temporary profile
            }
        }
    }

    List<String> visitAll(String base, List<String> pages, String prefix) throws Exception {
        List<String> errors = new ArrayList<>();
        for (String page : pages) {
            Chromium.Visit visit = browser.visit(base + page);
            String name = prefix + "-" + page.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_+", "");
            Files.write(SCREENSHOTS.resolve(name.isEmpty() ? "root.png" : name + ".png"), visit.screenshot());
            visit.errors().forEach(e -> errors.add(page + ": " + e));
        }
        return errors;
    }

    @Test
    void theLivePagesOfAFarmFedByTheCapturedClientShowNoConsoleError(@TempDir Path logs) throws Exception {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CAPTURE.project(), Map.of("briefDescription", "Replayed <b>wire</b> fixtures"));
            store.createClient(CAPTURE, Map.of("briefDescription", "the upstream Python client"));
        }
        org.testfarm.server.auth.KeyRing.of(logs).legacyUnsigned(CAPTURE, true); // captured unsigned requests
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"))) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String run : List.of("upstream-run-git", "upstream-run-basic")) {
                for (CapturedRequest request : CapturedRequest.run(run)) {
                    assertThat(request.replay(http, base.substring(0, base.length() - 1), null).body()).isEqualTo("Done");
                }
            }
            List<String> errors = visitAll(base, List.of("", "CaptureProject/", "CaptureProject/history.html",
                    "CaptureProject/details-capture_client-20261126-032826.html",
                    "CaptureProject/details-capture_client-20261126-032845.html",
                    "CaptureProject/capture_client-stats.html"), "live");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void theUpstreamTreePublishedAsAStaticSiteShowsNoConsoleErrorFromFiles(@TempDir Path out) throws Exception {
        Path tree = CapturedRequest.sharedRoot().resolve("fixtures/upstream-logtree");
        try (LogStore store = LogStore.openReadOnly(tree, StoreOptions.defaults())) {
            new StaticSite(new Site(new FarmState(store, Clock.systemDefaultZone(), FarmState.DEFAULT_SILENCE),
                    Integer.MAX_VALUE), out, "", 2).generate();
        }
        List<String> errors = visitAll(out.toUri().toString(), List.of("index.html", "myproject/index.html",
                "myproject/history.html", "myproject/details-mac-osx-20130301-111111.html",
                "myproject/details-linux-debian-20130303-101010.html", "myproject/linux-debian-stats.html"), "static");
        // the fixture's client description shows an image the admin would put beside the pages
        errors.removeIf(e -> e.contains("/linux.png"));
        assertThat(errors).isEmpty();
    }
}
