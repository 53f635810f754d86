package org.testfarm.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.page.TestFarm;
import org.testfarm.server.template.Templates;

/** cc.xml, the badges, feed.atom and the stats data, from a real tree through the real templates. */
class FeedsTest {

    static final ClientRef LINUX = new ClientRef("proj", "linux");
    static final ClientRef MAC = new ClientRef("proj", "mac os+");
    static final Templates TEMPLATES = new Templates();

    @TempDir
    Path logs;
    TestFarm farm;

    @BeforeEach
    void farm() {
        farm = new TestFarm(logs).project("proj", null, null);
        farm.finished(LINUX, "20260308-080000", true, "", "a");
        farm.finished(LINUX, "20260309-080000", false, "x", "b");
        farm.finished(LINUX, "20260310-080000", true, "", "c");
        farm.store.createClient(MAC, Map.of());
    }

    @AfterEach
    void close() {
        farm.close();
    }

    @Test
    void ccTrayListsEveryClientWithStatusLabelTimeAndAbsoluteLink() {
        CcTrayFeed feed = CcTrayFeed.of(farm.farm, List.of("proj"), "http://farm.example/", false);
        assertThat(feed.projects()).first().isEqualTo(new CcTrayFeed.Project("proj/linux", "Sleeping", "Success",
                "20260310-080000", "2026-03-10T12:00:00Z",
                "http://farm.example/proj/details-linux-20260310-080000.html"));
        assertThat(feed.projects().get(1).lastBuildStatus()).isEqualTo("Unknown");
        String xml = TEMPLATES.render(CcTrayFeed.TEMPLATE, Map.of("feed", feed));
        assertThat(xml).startsWith("<?xml").contains("<Project name=\"proj/mac os+\"");
    }

    @Test
    void aBadgeSaysPassingOrUnknownAndEscapesTheName() {
        StatusBadge passing = StatusBadge.of(farm.farm.client(LINUX));
        assertThat(passing.message()).isEqualTo("passing, stale");
        assertThat(passing.width()).isGreaterThan(passing.labelWidth());
        String svg = TEMPLATES.render(StatusBadge.TEMPLATE, Map.of("badge", StatusBadge.of(farm.farm.client(MAC))));
        assertThat(svg).startsWith("<svg").contains(">mac os+</text>").contains("unknown");
    }

    @Test
    void theAtomFeedHasAnEntryPerStatusChangeNewestFirst() {
        StatusChanges feed = StatusChanges.of(farm.index, "proj", "");
        assertThat(feed.entries()).extracting(StatusChanges.Entry::title).containsExactly(
                "linux is fixed (green)", "linux is broken (red)", "linux: first build green");
        assertThat(feed.entries().get(1).href()).isEqualTo("details-linux-20260309-080000.html");
        String atom = TEMPLATES.render(StatusChanges.TEMPLATE, Map.of("feed", feed));
        assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">").contains("<id>urn:uuid:");
    }

    @Test
    void statsDataComeAsJsonAndCsvWithFormulasNeutralised() {
        assertThat(StatsData.json(LINUX, farm.store.stats(LINUX))).startsWith(
                "{\"project\":\"proj\",\"client\":\"linux\",\"keys\":[\"tests\",\"warnings\"],\"executions\":"
                        + "[{\"execution\":\"20260308-080000\",\"values\":{\"tests\":12,\"warnings\":3}}");
        assertThat(StatsData.csv(farm.store.stats(LINUX))).startsWith("execution,tests,warnings\r\n"
                + "20260308-080000,12,3\r\n");
        assertThat(StatsData.cell("=cmd()")).isEqualTo("'=cmd()");
        assertThat(StatsData.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }
}
