package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.ExecutionRunner;
import org.testfarm.engine.Task;
import org.testfarm.event.ClientRef;

/**
 * Servers that refuse, never answer, or answer too slowly: the run goes on, is
 * held up only a few seconds, and each channel's failure is logged once.
 */
@Timeout(60)
class UnreachableChannelsTest {

    static final ClientRef CLIENT = new ClientRef("demo", "linux");
    static final ExecutionPlan FAILING = ExecutionPlan.of(Task.ofLines("build", "exit 1"), Task.ofLines("after", "true"));

    /** Held here: the log manager keeps loggers only weakly. */
    final Logger notifyLog = Logger.getLogger("org.testfarm.notify");
    final List<LogRecord> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    ServerSocket silent;
    int refusedPort;

    @BeforeEach
    void servers() throws IOException {
        notifyLog.addHandler(capture);
        // accepts connections (the kernel completes them) but never says a word
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusedPort = closed.getLocalPort();
        }
    }

    @AfterEach
    void close() throws IOException {
        notifyLog.removeHandler(capture);
        silent.close();
    }

    static Map<String, Object> mail(int port, int timeoutSeconds) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("recipients", "dev@example.org");
        settings.put("from_email", "farm@example.org");
        settings.put("server", "127.0.0.1");
        settings.put("port", port);
        settings.put("timeout", timeoutSeconds);
        return settings;
    }

    static Map<String, Object> irc(int port, int timeoutSeconds) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("address", "127.0.0.1");
        settings.put("port", port);
        settings.put("channel", "#farm");
        settings.put("timeout", timeoutSeconds);
        return settings;
    }

    long runMillis(NotifyingListener listener, String execution) {
        long start = System.nanoTime();
        ExecutionOutcome outcome = new ExecutionRunner(listener).run(CLIENT.execution(execution), FAILING);
        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Test
    void silentAndRefusingServersCostTheirTimeoutAndAreLoggedOncePerChannel() {
        NotifierRegistry channels = NotifierRegistry.installed();
        NotifyingListener listener = new NotifyingListener(NotifyPolicy.parse("failure"), List.of(
                channels.create("mail", mail(silent.getLocalPort(), 1)),
                channels.create("irc", irc(silent.getLocalPort(), 1)),
                channels.create("mail", mail(refusedPort, 1)),
                channels.create("irc", irc(refusedPort, 1))));

        long millis = runMillis(listener, "20240301-000001");

        // 1 s time-outs, in parallel; the rest is a cold JVM loading classes on a busy machine
        assertThat(millis).isLessThan(8000);
        assertThat(warnings()).hasSize(4).allMatch(w -> w.startsWith("TestFarm could not notify by "));
        assertThat(warnings().get(0)).contains("mail to dev@example.org via 127.0.0.1:" + silent.getLocalPort())
                .contains("demo/linux is broken").contains("timed out");
        assertThat(warnings().get(3)).contains("IRC to #farm on 127.0.0.1:" + refusedPort, "cannot connect");
    }

    @Test
    void channelSlowerThanTheDeadlineIsLeftBehindAndTheRunGoesOn() {
        NotifyingListener listener = new NotifyingListener(NotifyPolicy.parse("failure"), List.of(
                NotifierRegistry.installed().create("irc", irc(silent.getLocalPort(), 30))))
                .deadline(Duration.ofSeconds(1));

        long millis = runMillis(listener, "20240301-000001");

        assertThat(millis).isLessThan(6000); // the channel itself would wait 30 s
        assertThat(warnings()).singleElement().asString().contains("no answer within 1 s");
    }

    @Test
    void nextExecutionStillNotifiesAfterAFailedDelivery() throws IOException {
        NotifyingListener listener = new NotifyingListener(NotifyPolicy.parse("failure"), List.of(
                NotifierRegistry.installed().create("mail", mail(refusedPort, 1))));

        runMillis(listener, "20240301-000001");
        runMillis(listener, "20240301-000002");

        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(1)).contains("20240301-000002");
    }
}
