package org.testfarm.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyTuple;
import org.testfarm.notify.Commit;
import org.testfarm.notify.Courier;
import org.testfarm.notify.FailedTask;
import org.testfarm.notify.Notification;
import org.testfarm.notify.NotifierRegistry;
import org.testfarm.notify.Transition;
import org.testfarm.state.FarmState;
import org.testfarm.state.Status;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.testing.ManualClock;

/** The server tells a project's channels when its clients break, recover or go missing: once each. */
@Timeout(60)
class AlertMonitorTest {

    static final ClientRef CLIENT = new ClientRef("demo", "linux");

    @TempDir
    Path logs;
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
    final RecordingNotifierProvider recording = new RecordingNotifierProvider();
    final Logger alertLog = Logger.getLogger(AlertMonitor.class.getName());
    final List<String> warnings = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    LogStore store;
    AlertMonitor monitor;
    int executions;

    @BeforeEach
    void farm() {
        alertLog.addHandler(capture);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("description", "a demo");
        meta.put("notify.recording.box", "team");
        meta.put("notify.page", "https://farm.example.org");
        open();
        store.createProject("demo", meta);
        store.createClient(CLIENT, Map.of());
    }

    void open() {
        store = LogStore.open(logs, StoreOptions.defaults().withClock(clock));
        monitor = new AlertMonitor(store, new FarmState(store, clock, Duration.ofHours(2)),
                new NotifierRegistry().register(recording), new Courier(Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        alertLog.removeHandler(capture);
        monitor.close();
        store.close();
    }

    /** One execution as the client reports it, then its promise to be back within an hour. */
    String execution(boolean ok) {
        clock.advance(Duration.ofMinutes(5));
        ExecutionRef ref = CLIENT.execution(String.format("20240301-1%05d", ++executions));
        store.executionStarted(ref, Map.of("snapshot", List.of(PyTuple.of("src", "Dev One", "abc123"))));
        store.taskStarted(ref, 1, "build");
        store.commandStarted(ref, 1, 1, "make");
        store.commandEnded(ref, 1, 1, ok ? "" : "error: boom\n", ok, null, Map.of());
        store.taskEnded(ref, 1, ok);
        store.executionEnded(ref, ok);
        store.clientIdle(CLIENT, 60);
        return ref.execution();
    }

    @Test
    void clientThatBreaksIsToldOnceWithItsFailedTaskChangesAndLink() {
        execution(true);
        assertThat(monitor.check(CLIENT)).isEmpty(); // first look: only recorded
        String broken = execution(false);

        assertThat(monitor.check(CLIENT)).isPresent();
        assertThat(monitor.check(CLIENT)).isEmpty();

        assertThat(recording.sent).hasSize(1);
        Notification n = recording.sent.get(0);
        assertThat(n.transition()).isEqualTo(Transition.BROKEN);
        assertThat(n.status()).isEqualTo(Status.RED);
        assertThat(n.execution()).contains(broken);
        assertThat(n.failedTasks()).containsExactly(new FailedTask(1, "build", "make", "error: boom"));
        assertThat(n.commits()).containsExactly(new Commit("src", "Dev One", "abc123"));
        assertThat(n.details()).contains(URI.create("https://farm.example.org/demo/details-linux-" + broken + ".html"));
    }

    @Test
    void clientThatRecoversIsToldButStillFailingIsNotByDefault() {
        execution(true);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);
        execution(true);
        monitor.check(CLIENT);

        assertThat(recording.sent).extracting(Notification::transition)
                .containsExactly(Transition.BROKEN, Transition.RECOVERED);
    }

    @Test
    void policyInProjectMetadataChoosesWhatIsTold() {
        store.updateProjectMeta("demo", Map.of("notify.policy", "failure"));
        execution(true);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);

        assertThat(recording.sent).extracting(Notification::transition)
                .containsExactly(Transition.BROKEN, Transition.STILL_FAILING);
    }

    @Test
    void clientSilentPastItsPromiseIsMissingThenBackWhenItReports() {
        execution(true);
        monitor.check(CLIENT);

        clock.advance(Duration.ofMinutes(61));
        assertThat(monitor.check(CLIENT)).map(Notification::transition).contains(Transition.MISSING);
        assertThat(monitor.check(CLIENT)).isEmpty();
        store.clientIdle(CLIENT, 60);
        assertThat(monitor.check(CLIENT)).map(Notification::transition).contains(Transition.BACK);

        assertThat(recording.sent.get(0).colour()).isEqualTo(Notification.Colour.GREY);
        assertThat(recording.sent.get(0).headline()).isEqualTo("demo/linux is missing");
    }

    @Test
    void newClientThatOnlySaidItIsIdleIsWaitingNotMissing() {
        store.clientIdle(CLIENT, 60);
        monitor.check(CLIENT);
        execution(false);

        assertThat(monitor.check(CLIENT)).map(Notification::transition).contains(Transition.BROKEN);
        assertThat(recording.sent).hasSize(1);
    }

    @Test
    void restartedServerDoesNotTellTheSameTransitionAgain() {
        execution(true);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);
        monitor.close();
        store.close();

        open();

        assertThat(monitor.check(CLIENT)).isEmpty();
        assertThat(recording.sent).hasSize(1);
        assertThat(store.notified(CLIENT)).containsEntry("status", "red");
    }

    @Test
    void projectWithoutChannelsIsLeftAloneAndNothingIsWritten() {
        store.updateProjectMeta("demo", java.util.Collections.singletonMap("notify.recording.box", null));
        execution(true);
        monitor.check(CLIENT);
        execution(false);

        assertThat(monitor.check(CLIENT)).isEmpty();
        assertThat(Files.exists(logs.resolve("demo/linux/notified"))).isFalse();
    }

    @Test
    void malformedPolicyIsLoggedOnceAndSendsNothing() {
        store.updateProjectMeta("demo", Map.of("notify.policy", "often"));
        execution(true);
        monitor.check(CLIENT);
        execution(false);
        monitor.check(CLIENT);

        assertThat(recording.sent).isEmpty();
        assertThat(warnings).singleElement().asString()
                .contains("project demo").contains("unknown notification policy 'often'");
    }

    @Test
    void timerNoticesAClientGoingMissingWithoutAnyReport() throws InterruptedException {
        execution(true);
        monitor.check(CLIENT);
        monitor.every(Duration.ofMillis(100));

        clock.advance(Duration.ofHours(2));

        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (recording.sent.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(recording.sent).extracting(Notification::transition).containsExactly(Transition.MISSING);
    }

    @Test
    void reportsQueueALookAtTheirClient() throws InterruptedException {
        execution(true);
        monitor.check(CLIENT);
        execution(false);

        monitor.executionEnded(CLIENT.execution("any"), false);

        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (recording.sent.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(recording.sent).extracting(Notification::transition).containsExactly(Transition.BROKEN);
    }
}
