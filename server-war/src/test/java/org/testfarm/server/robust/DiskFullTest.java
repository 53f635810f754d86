package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreException;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.RemoteLogger;
import org.testfarm.wire.WireEncoder;

/**
 * The server's disk fills up under the tree while clients report (issue 8): the
 * reports that cannot be stored are answered 507 (or 503), never acknowledged,
 * what is on disk stays readable and whole, and once space is back a client's
 * retries (the {@link RemoteLogger} spool) deliver everything, each event once.
 */
@Timeout(600)
class DiskFullTest {

    static final ClientRef RAW = new ClientRef("full disk", "raw");
    static final ClientRef SPOOLED = new ClientRef("full disk", "spooled");
    static final int EVENTS = RobustFarm.scale("robust.diskfull.events", 120, 1000);

    @Test
    void aFullDiskIsAnsweredWith507AndTheSpooledReportsArriveOnceSpaceIsBack(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 24)) {
            Path logs = disk.root().resolve("logs");
            RobustFarm.register(logs, List.of(RAW, SPOOLED));
            ExecutionRef raw = RAW.execution("20261126-090000");
            ExecutionRef spooled = SPOOLED.execution("20261126-090000");
            List<ExecutionEvent> rawEvents = EventScript.events("raw " + "x".repeat(2000), EVENTS);
            List<ExecutionEvent> spooledEvents = EventScript.events("spooled " + "y".repeat(2000), EVENTS);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> warnings = new ArrayList<>();
            try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, RobustFarm.WEBAPP)) {
                String base = "http://127.0.0.1:" + server.port() + "/testfarmservice/";
                WireSender sender = new WireSender(base);
                WireEncoder encoder = new WireEncoder();
                int half = EVENTS / 2;
                List<Boolean> acknowledged = new ArrayList<>();
                long filled;
                try (RemoteLogger logger = new RemoteLogger(base, tmp.resolve("spool"))
                        .backoff(Duration.ofMillis(100), Duration.ofMillis(400)).warnings(warnings::add)) {
                    for (int i = 0; i < half; i++) {
                        assertThat(sender.send(encoder.event(raw, rawEvents.get(i))).done()).isTrue();
                        spooledEvents.get(i).deliver(logger, spooled);
                    }
                    logger.flush();
                    assertThat(logger.waiting(SPOOLED)).as("reports waiting before the disk is full").isZero();
                    filled = disk.fill();
                    for (int i = half; i < EVENTS; i++) {
                        WireSender.Answer answer = sender.send(encoder.event(raw, rawEvents.get(i)));
                        statuses.merge(answer.status(), 1, Integer::sum);
                        acknowledged.add(answer.done());
                        spooledEvents.get(i).deliver(logger, spooled);
                    }
                    assertThat(statuses.keySet()).as("answers while the disk is full").isSubsetOf(200, 503, 507)
                            .contains(507);
                    assertThat(logger.waiting(SPOOLED)).as("reports waiting in the spool").isPositive();
                    checkWhole(logs, raw, rawEvents, half, acknowledged);

                    disk.free();
                    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    while (logger.waiting(SPOOLED) > 0 && System.nanoTime() < deadline) {
                        logger.flush();
                        Thread.sleep(100);
                    }
                    assertThat(logger.waiting(SPOOLED)).as("reports still in the spool once space is back").isZero();
                }
                for (int i = half; i < EVENTS; i++) {
                    if (!acknowledged.get(i - half)) {
                        assertThat(sender.send(encoder.event(raw, rawEvents.get(i))).done())
                                .as("event %d sent again once space is back", i).isTrue();
                    }
                }
                System.out.printf("robust: disk full (tmpfs, %d KiB of ballast): answers %s;"
                        + " after freeing it, %d spooled reports delivered;"
                        + " warnings %s%n", filled / 1024, statuses, EVENTS - half, warnings.size());
            }
            try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
                // the raw client sent its refused events again at the end: compare by place, not order
                Map<String, ExecutionEvent> byKey = new TreeMap<>();
                store.read(raw).events().forEach(event -> assertThat(byKey.put(event.key(), event)).isNull());
                assertThat(byKey).hasSize(EVENTS);
                for (ExecutionEvent event : rawEvents) {
                    assertThat(EventScript.same(event, byKey.get(event.key()))).as("%s", event).isTrue();
                }
                assertEvents(store.read(spooled), spooledEvents, EVENTS);
            }
        }
    }

    /**
     * The store's checkpoint thread keeps trying to prepare its next log segment
     * while the disk is full: each failed try leaves no file and no open descriptor.
     */
    @Test
    void checkpointsOnAFullDiskLeaveNoSegmentsNorOpenFilesBehind(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 4)) {
            Path logs = disk.root().resolve("logs");
            RobustFarm.register(logs, List.of(RAW));
            StoreOptions often = StoreOptions.defaults().withCheckpoints(Duration.ofMillis(50), 1);
            try (LogStore store = LogStore.open(logs, often)) {
                ExecutionRef ref = RAW.execution("20261126-090000");
                store.executionStarted(ref, Map.of());
                Thread.sleep(500); // a checkpoint: the current segment is the prepared, zero-filled one
                disk.fill();
                try {
                    store.taskStarted(ref, 1, "during"); // fits in the space its files already have
                } catch (StoreException e) {
                    assertThat(e.getMessage()).contains("No space left");
                }
                long files = segments(logs);
                long descriptors = openFiles();
                Thread.sleep(3000); // 60 checkpoint ticks, each of which tries to prepare the next segment
                assertThat(segments(logs)).as("log segments after 3 s of a full disk").isLessThanOrEqualTo(files + 1);
                assertThat(openFiles()).as("open files after 3 s of a full disk").isLessThanOrEqualTo(descriptors + 4);
                disk.free();
                store.taskStarted(ref, 2, "after");
                assertThat(store.read(ref).events().stream().map(ExecutionEvent::key))
                        .contains("startExecution", "startTask 2");
            }
        }
    }

    private static long segments(Path logs) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(logs.resolve(".testfarm"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("wal-")).count();
        }
    }

    private static long openFiles() throws java.io.IOException {
        try (java.util.stream.Stream<Path> descriptors = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    /** While the disk is full the tree reads back whole: the first half and every acknowledged event after it. */
    private static void checkWhole(Path logs, ExecutionRef ref, List<ExecutionEvent> sent, int half,
                                   List<Boolean> acknowledged) {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            List<ExecutionEvent> expected = new ArrayList<>(sent.subList(0, half));
            for (int i = 0; i < acknowledged.size(); i++) {
                if (acknowledged.get(i)) {
                    expected.add(sent.get(half + i));
                }
            }
            ExecutionLog log = store.read(ref);
            assertThat(log.events()).as("events of %s while the disk is full", ref).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(EventScript.same(expected.get(i), log.events().get(i))).as("event %d", i).isTrue();
            }
        }
    }

    private static void assertEvents(ExecutionLog log, List<ExecutionEvent> sent, int count) {
        assertThat(log.events()).as("events of %s", log.ref()).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(EventScript.same(sent.get(i), log.events().get(i)))
                    .as("event %d of %s: sent %s, stored %s", i, log.ref(), sent.get(i), log.events().get(i)).isTrue();
        }
    }
}
