package org.testfarm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

@Timeout(60)
class RemoteLoggerTest {

    static final ExecutionRef EXECUTION = new ExecutionRef("Proj", "client-1", "20260301-120000");
    static final ClientRef CLIENT = EXECUTION.clientRef();

    @TempDir
    Path dir;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private RemoteLogger logger(String base) {
        return new RemoteLogger(base, dir.resolve("spool"))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .warnings(warnings::add);
    }

    private static void shortExecution(RemoteLogger logger) {
        logger.executionStarted(EXECUTION, Map.of("snapshot", List.of()));
        logger.taskStarted(EXECUTION, 1, "build");
        logger.commandStarted(EXECUTION, 1, 1, "make");
        logger.commandEnded(EXECUTION, 1, 1, "", true, null, Map.of());
        logger.taskEnded(EXECUTION, 1, true);
        logger.executionEnded(EXECUTION, true);
    }

    static final List<String> SHORT_EXECUTION = List.of("executionStarts", "taskStarts", "commandStarts",
            "commandEnds", "taskEnds", "executionEnds");

    @Test
    void baseWithTestfarmservice_postsEachEventToBaseSlashMethod_asLiterals() throws Exception {
        try (RecordingServer server = RecordingServer.start(0);
             RemoteLogger logger = logger(server.base() + "/farm/testfarmservice")) {
            logger.clientIdle(CLIENT, 5);
            logger.commandEnded(EXECUTION, 2, 1, "caf\u00e9\n", false, null, Map.of("tests", 3));

            assertThat(server.received()).extracting(RecordingServer.Received::path)
                    .containsExactly("/farm/testfarmservice/clientIdle", "/farm/testfarmservice/commandEnds");
            assertThat(server.received().get(0).fields())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("project", "'Proj'", "client", "'client-1'", "minutes", "5"));
            assertThat(server.received().get(1).fields()).containsEntry("output", "'caf\\xc3\\xa9\\n'")
                    .containsEntry("ok", "False").containsEntry("info", "None").containsEntry("stats", "{'tests': 3}");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void baseEndingInASlash_postsToPrefixDoubleSlashMethod_asDeployedClientsDo() throws Exception {
        try (RecordingServer server = RecordingServer.start(0); RemoteLogger logger = logger(server.base() + "/farm/")) {
            logger.clientIdle(CLIENT, 5);

            assertThat(server.received()).extracting(RecordingServer.Received::path)
                    .containsExactly("/farm//clientIdle");
        }
    }

    @Test
    void answer4xx_isReportedWithTheServersBody_andDropped_andLaterEventsStillGo() throws Exception {
        try (RecordingServer server = RecordingServer.start(0); RemoteLogger logger = logger(server.base())) {
            server.answer(400, "BadRequest: parameter 'task' must be an integer\n");
            logger.taskStarted(EXECUTION, 1, "build");
            logger.taskEnded(EXECUTION, 1, true);

            assertThat(server.methods()).containsExactly("taskEnds");
            assertThat(logger.waiting(CLIENT)).isZero();
        }
        assertThat(warnings).singleElement().asString()
                .contains("refused", "400", "BadRequest: parameter 'task' must be an integer");
    }

    @Test
    void answer503_spoolsTheEvent_andEveryLaterOne_untilReplayedInOrder() throws Exception {
        try (RecordingServer server = RecordingServer.start(0); RemoteLogger logger = logger(server.base())) {
            server.answer(503, "ServiceUnavailable: disk busy").answer(507, "InsufficientStorage: full");
            shortExecution(logger);
            logger.flush();
            waitUntil(() -> server.methods().size() == SHORT_EXECUTION.size());

            assertThat(server.methods()).containsExactlyElementsOf(SHORT_EXECUTION);
            assertThat(logger.waiting(CLIENT)).isZero();
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("503", "disk busy", "spool"));
    }

    @Test
    void serverDown_eventsWaitOnDisk_andANewLoggerReplaysThemFirst_onceTheServerIsBack() throws Exception {
        int port;
        try (RecordingServer gone = RecordingServer.start(0)) {
            port = gone.port();
        }
        try (RemoteLogger logger = logger("http://127.0.0.1:" + port + "/testfarmservice")) {
            shortExecution(logger);
            assertThat(logger.waiting(CLIENT)).isEqualTo(SHORT_EXECUTION.size());
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("cannot reach"));

        try (RecordingServer back = RecordingServer.start(port);
             RemoteLogger logger = logger("http://127.0.0.1:" + port + "/testfarmservice")) {
            logger.clientIdle(CLIENT, 1);

            List<String> expected = new ArrayList<>(SHORT_EXECUTION);
            expected.add("clientIdle");
            waitUntil(() -> back.methods().size() == expected.size());
            assertThat(back.methods()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void serverBackWhileIdle_theBackgroundReplayDeliversWithoutANewEvent() throws Exception {
        int port;
        try (RecordingServer gone = RecordingServer.start(0)) {
            port = gone.port();
        }
        try (RemoteLogger logger = logger("http://127.0.0.1:" + port)) {
            shortExecution(logger);
            try (RecordingServer back = RecordingServer.start(port)) {
                waitUntil(() -> back.methods().size() == SHORT_EXECUTION.size());
                assertThat(back.methods()).containsExactlyElementsOf(SHORT_EXECUTION);
                assertThat(logger.waiting(CLIENT)).isZero();
            }
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
