package org.testfarm.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.fixture.TreeCopy;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * What a generation may keep from the last one: a generator kept in memory, the
 * pages of clients whose executions have all ended, a site written by another
 * version of the templates.
 */
class IncrementalSiteTest {

    static final Clock CLOCK = StaticSiteTest.MARCH_5_2013;
    static final ClientRef MINGW = new ClientRef("myproject", "win-mingw");

    @TempDir
    Path logs;
    @TempDir
    Path out;

    @BeforeEach
    void copyTheUpstreamTree() throws IOException {
        TreeCopy.copy(StaticSiteTest.upstream(), logs);
    }

    StaticSite.Report generate() throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults().withClock(CLOCK))) {
            return new StaticSite(new Site(new FarmState(store), Integer.MAX_VALUE), out, "", 2).generate();
        }
    }

    void write(ExecutionRef ref, boolean end) {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults().withClock(CLOCK))) {
            if (store.executions(ref.clientRef()).contains(ref.execution())) {
                store.executionEnded(ref, true);
                return;
            }
            store.executionStarted(ref, Map.of());
            store.taskStarted(ref, 1, "build");
            store.commandStarted(ref, 1, 1, "make");
            store.commandEnded(ref, 1, 1, "built", true, null, Map.of());
            store.taskEnded(ref, 1, true);
            if (end) {
                store.executionEnded(ref, true);
            }
        }
    }

    String details(ExecutionRef ref) throws IOException {
        return Files.readString(out.resolve(ref.project() + "/details-" + ref.client() + "-" + ref.execution() + ".html"));
    }

    @Test
    void aGeneratorKeptInMemorySeesWhatTheServerWritesMeanwhile() throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults().withClock(CLOCK))) {
            StaticSite resident = new StaticSite(new Site(new FarmState(store), Integer.MAX_VALUE), out, "", 2);
            int files = resident.generate().written();
            ExecutionRef added = MINGW.execution("20130305-100000");
            write(added, true);

            StaticSite.Report again = resident.generate();

            assertThat(details(added)).contains("make");
            assertThat(details(MINGW.execution("20130302-090909"))).contains("details-win-mingw-20130305-100000.html");
            assertThat(again.written()).isBetween(5, 14);
            assertThat(again.written() + again.unchanged()).isEqualTo(files + 1);
            assertThat(resident.generate().written()).isZero();
        }
    }

    @Test
    void anExecutionStillRunningIsWrittenAgainOnceItEndsThoughItsClientGainedNoExecution() throws IOException {
        ExecutionRef running = MINGW.execution("20130305-100000");
        write(running, false);
        generate();
        assertThat(details(running)).contains("<dt>Ended</dt><dd>&mdash;");
        assertThat(Files.readString(out.resolve(".testfarm-site/manifest"))).doesNotContain(" myproject/win-mingw\n");

        write(running, true); // appends to its files: the client's folder keeps its stamp
        StaticSite.Report ended = generate();

        assertThat(details(running)).contains("<dt>Ended</dt><dd><time");
        assertThat(ended.written()).isPositive();
        assertThat(Files.readString(out.resolve(".testfarm-site/manifest"))).contains(" myproject/win-mingw\n");
        assertThat(generate().written()).isZero();
    }

    @Test
    void aNewDescriptionOfAClientRewritesAllItsDetailsPages() throws IOException {
        generate();
        List<String> ids;
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults().withClock(CLOCK))) {
            ids = store.executions(MINGW);
            store.updateClientMeta(MINGW, Map.of("briefDescription", "Windows <b>MinGW</b> builder"));
        }

        StaticSite.Report again = generate();

        assertThat(again.written()).isGreaterThanOrEqualTo(ids.size());
        for (String id : ids) {
            assertThat(details(MINGW.execution(id))).contains("Windows <b>MinGW</b> builder");
        }
    }

    @Test
    void aSiteWrittenByOtherTemplatesIsWrittenAgainWholeAndItsStaleFilesRemoved() throws IOException {
        int files = generate().written();
        Path manifest = out.resolve(".testfarm-site/manifest");
        List<String> lines = Files.readAllLines(manifest);
        lines.set(0, "# testfarm static site manifest v2 123abc");
        lines.add("0123 myproject/details-gone-20130101-000000.html");
        Files.writeString(out.resolve("myproject/details-gone-20130101-000000.html"), "old");
        Files.write(manifest, lines);

        StaticSite.Report again = generate();

        assertThat(again.written()).isEqualTo(files);
        assertThat(again.removed()).isEqualTo(1);
        assertThat(out.resolve("myproject/details-gone-20130101-000000.html")).doesNotExist();
    }

    @Test
    void aGeneratorKeptInMemoryReadsTheManifestAgainWhenAnotherRunChangedIt() throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults().withClock(CLOCK))) {
            StaticSite resident = new StaticSite(new Site(new FarmState(store), Integer.MAX_VALUE), out, "", 2);
            resident.generate();
            write(MINGW.execution("20130305-100000"), true);
            assertThat(generate().written()).isPositive(); // another generator brought the site up to date

            assertThat(resident.generate().written()).isZero();
        }
    }
}
