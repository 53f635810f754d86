package org.testfarm.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

class StaticSiteTest {

    static final Clock MARCH_5_2013 = Clock.fixed(LocalDateTime.of(2013, 3, 5, 11, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @TempDir
    Path out;

    static Path upstream() {
        return CapturedRequest.sharedRoot().resolve("fixtures/upstream-logtree");
    }

    StaticSite.Report generate(Path logs, Clock clock) throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults().withClock(clock))) {
            Site site = new Site(new FarmState(store), Integer.MAX_VALUE);
            return new StaticSite(site, out, "", 2).generate();
        }
    }

    @Test
    void theUpstreamTreeReadInPlaceGivesEveryPageAndFeed() throws IOException {
        StaticSite.Report report = generate(upstream(), MARCH_5_2013);

        assertThat(report.written()).isGreaterThan(30);
        for (String file : List.of("index.html", "cc.xml", "static/testfarm.css", "static/ansi.css",
                "static/testfarm.js", "static/favicon.svg", "myproject/index.html", "myproject/history.html",
                "myproject/history-2013-03.html", "myproject/testfarm-data.js", "myproject/testfarm-data.jsond",
                "myproject/cc.xml", "myproject/feed.atom", "myproject/details-linux-debian-20130301-101010.html",
                "myproject/details-mac-osx-20130304-111111.html", "myproject/linux-debian-stats.html",
                "myproject/linux-debian-stats-1.png", "myproject/linux-debian-stats-thumb.png",
                "myproject/linux-debian-stats.json", "myproject/linux-debian-stats.csv",
                "myproject/linux-debian-badge.svg", "myproject/mac-osx-stats.html")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(out.resolve("myproject/mac-osx-stats-thumb.png")).doesNotExist();
    }

    @Test
    void everyLinkOfEveryPageIsRelativeAndLeadsToAWrittenFile() throws IOException {
        generate(upstream(), MARCH_5_2013);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    String href = link.group(1);
                    assertThat(href).as("in %s", page).doesNotStartWith("/").doesNotContain("://");
                    String file = href.replaceAll("#.*", "").replace("%20", " ");
                    if (!file.isEmpty() && !file.equals("linux.png")) {
                        assertThat(page.resolveSibling(file).normalize()).as("%s in %s", href, page).exists();
                    }
                }
            }
        }
    }

    @Test
    void aSecondGenerationOfAnUnchangedTreeWritesNothing() throws IOException {
        generate(upstream(), MARCH_5_2013);
        StaticSite.Report again = generate(upstream(), MARCH_5_2013);
        assertThat(again.written()).isZero();
        assertThat(again.removed()).isZero();
    }

    @Test
    void aNewExecutionRewritesOnlyThePagesThatShowIt(@TempDir Path logs) throws IOException {
        org.testfarm.fixture.TreeCopy.copy(upstream(), logs);
        generate(logs, MARCH_5_2013);
        Path oldest = out.resolve("myproject/details-linux-debian-20130301-101010.html");
        long before = Files.getLastModifiedTime(oldest).toMillis();
        ExecutionRef added = new ExecutionRef("myproject", "win-mingw", "20130305-100000");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults().withClock(MARCH_5_2013))) {
            store.executionStarted(added, Map.of());
            store.taskStarted(added, 1, "build");
            store.commandStarted(added, 1, 1, "make");
            store.commandEnded(added, 1, 1, "boom", false, null, Map.of());
            store.taskEnded(added, 1, false);
            store.executionEnded(added, false);
        }
        StaticSite.Report report = generate(logs, MARCH_5_2013);

        assertThat(out.resolve("myproject/details-win-mingw-20130305-100000.html")).isNotEmptyFile();
        // the new page, its predecessor's "next" link, summary, history (latest and month), feeds, badge
        assertThat(report.written()).isBetween(5, 14);
        assertThat(Files.getLastModifiedTime(oldest).toMillis()).isEqualTo(before);
        assertThat(Files.readString(out.resolve("myproject/details-win-mingw-20130302-090909.html")))
                .contains("details-win-mingw-20130305-100000.html");
    }
}
