package org.testfarm.server.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.client.ClientCommandLine;
import org.testfarm.client.FarmClient;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.server.fixture.Clients;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RemoteLogger;

/** The Java client signs its reports; refused (401) or throttled (429) reports wait in its spool, none is lost. */
@Timeout(120)
class SigningClientTest {

    static final ClientRef CLIENT = new ClientRef("example project", "linux");
    static final Path WEBAPP = Path.of("src/main/webapp");

    @TempDir
    Path dir;
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    int executions(Path logs) {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            return store.executions(CLIENT).size();
        }
    }

    @Test
    void theCommandLineClientSignsWithTheKeyFileItIsGiven() throws Exception {
        Path logs = dir.resolve("logs");
        ClientKey key = Clients.register(logs, CLIENT);
        Path keyFile = Files.writeString(dir.resolve("linux.key"), key.text() + "\n");
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP)) {
            FarmClient client = FarmClient.define(CLIENT.project(), CLIENT.client()).directory(dir).console(null)
                    .shutdownHook(false).warnings(warnings::add).task("Build", t -> t.command("true"));
            int exit = ClientCommandLine.run(client, "--remote", "http://127.0.0.1:" + server.port() + "/testfarmservice",
                    "--key-file", keyFile.toString(), "--state-dir", dir.resolve("state").toString(), "--quiet");
            assertThat(exit).isEqualTo(ClientCommandLine.PASSED);
        }
        assertThat(warnings).isEmpty();
        assertThat(executions(logs)).isEqualTo(1);
    }

    @Test
    void unsignedReportsRefusedWith401WaitInTheSpoolUntilTheAdminLetsTheClientIn() throws Exception {
        Path logs = dir.resolve("logs");
        Clients.register(logs, CLIENT);
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP);
             RemoteLogger remote = new RemoteLogger("http://127.0.0.1:" + server.port() + "/testfarmservice",
                     dir.resolve("spool")).warnings(warnings::add).backoff(Duration.ofMillis(50), Duration.ofMillis(200))) {
            ExecutionRef run = CLIENT.execution("20261126-120000");
            remote.executionStarted(run, Map.of());
            remote.executionEnded(run, true);
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("401", "must sign"));
            assertThat(remote.waiting(CLIENT)).isEqualTo(2);

            KeyRing.of(logs).legacyUnsigned(CLIENT, true); // what 'testfarm meta LOGS PROJECT CLIENT --legacy-unsigned true' does
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (remote.waiting(CLIENT) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(remote.waiting(CLIENT)).isZero();
        }
        assertThat(executions(logs)).isEqualTo(1);
    }

    @Test
    void throttledReportsWaitForRetryAfterAndAreAllDelivered() throws Exception {
        Path logs = dir.resolve("logs");
        ClientKey key = Clients.register(logs, CLIENT);
        System.setProperty(RateLimits.BURST_SETTING, "5");
        System.setProperty(RateLimits.PER_SECOND_SETTING, "5");
        EmbeddedServer server;
        try {
            server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP);
        } finally {
            System.clearProperty(RateLimits.BURST_SETTING);
            System.clearProperty(RateLimits.PER_SECOND_SETTING);
        }
        int events = 0;
        try (server; RemoteLogger remote = new RemoteLogger("http://127.0.0.1:" + server.port() + "/testfarmservice",
                dir.resolve("spool")).warnings(warnings::add).backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .key(key)) {
            ExecutionRef run = CLIENT.execution("20261126-120000");
            remote.executionStarted(run, Map.of());
            remote.taskStarted(run, 1, "build");
            for (int i = 1; i <= 10; i++) {
                remote.commandStarted(run, 1, i, "step " + i);
                remote.commandEnded(run, 1, i, "out " + i, true, "", Map.of());
            }
            remote.taskEnded(run, 1, true);
            remote.executionEnded(run, true);
            events = 2 + 20 + 2;
            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("429"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (remote.waiting(CLIENT) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(remote.waiting(CLIENT)).isZero();
        }
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.read(CLIENT.execution("20261126-120000")).events()).hasSize(events);
        }
    }
}
