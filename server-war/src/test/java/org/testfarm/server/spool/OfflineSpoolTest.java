package org.testfarm.server.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.client.FarmClient;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.wire.ClientKey;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.runner.CycleReport;
import org.testfarm.runner.FirstRun;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * A Java client reporting to the real webapp, which goes down in the middle of
 * an execution: the client finishes, keeps the rest in its spool, and once the
 * server is back on the same port and log directory the whole execution is
 * there, each event once.
 */
@Timeout(180)
class OfflineSpoolTest {

    static final ClientRef CLIENT = new ClientRef("SpoolProject", "spool-client");
    static final Path WEBAPP = Path.of("src/main/webapp");

    @TempDir
    Path dir;

    private ClientKey key;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private Path registeredLogs() {
        Path logs = dir.resolve("server-logs");
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            store.createProject(CLIENT.project(), Map.of());
            store.createClient(CLIENT, Map.of());
        }
        key = KeyRing.of(logs).rotate(CLIENT);
        return logs;
    }

    private FarmClient client(String remote) {
        return FarmClient.define(CLIENT.project(), CLIENT.client())
                .remote(remote)
                .key(key)
                .stateDirectory(dir.resolve("state"))
                .directory(dir)
                .console(null)
                .shutdownHook(false)
                .warnings(warnings::add);
    }

    @Test
    void serverStoppedMidExecution_theSpoolDeliversTheRestOnceItIsBack_eachEventOnce() {
        Path logs = registeredLogs();
        EmbeddedServer first = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP);
        int port = first.port();
        String remote = "http://127.0.0.1:" + port + "/testfarmservice";

        FarmClient client = client(remote)
                .task("Build", t -> t.command("echo compiling").command("echo linking"))
                .task("Server goes down", t -> t
                        .command("echo before", c -> c.info(out -> {
                            first.stop();
                            return "the server was stopped here";
                        }))
                        .command("echo after"))
                .task("Test", t -> t.command("echo 'Ran 2 tests'").command("false"));
        CycleReport report = client.runOnce();

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("cannot reach", "keeping them in"));
        String execution = report.execution().execution();

        try (EmbeddedServer back = new EmbeddedServer().start(port, "127.0.0.1", logs, WEBAPP)) {
            assertThat(back.port()).isEqualTo(port);
            CycleReport idle = client.runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);
            assertThat(idle.ran()).isFalse();
        }

        try (LogStore tree = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(tree.executions(CLIENT)).containsExactly(execution);
            ExecutionLog log = tree.read(CLIENT.execution(execution));
            List<ExecutionEvent> events = log.events();
            assertThat(events).filteredOn(ExecutionEvent.ExecutionStarted.class::isInstance).hasSize(1);
            assertThat(events).filteredOn(ExecutionEvent.TaskStarted.class::isInstance).hasSize(3);
            assertThat(events).filteredOn(ExecutionEvent.TaskEnded.class::isInstance)
                    .containsExactly(new ExecutionEvent.TaskEnded(1, true), new ExecutionEvent.TaskEnded(2, true),
                            new ExecutionEvent.TaskEnded(3, false));
            assertThat(events).filteredOn(ExecutionEvent.CommandStarted.class::isInstance).hasSize(6);
            assertThat(events).filteredOn(ExecutionEvent.CommandEnded.class::isInstance).hasSize(6);
            assertThat(events).last().isInstanceOfSatisfying(ExecutionEvent.ExecutionEnded.class,
                    end -> assertThat(end.ok()).isFalse());
            assertThat(events).hasSize(1 + 3 + 6 + 6 + 3 + 1);
            assertThat(tree.idleUntil(CLIENT)).isPresent();
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("takes reports again"));
    }

    @Test
    void baseUrlEndingInASlash_reachesTheSameIngestion() {
        Path logs = registeredLogs();
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP)) {
            CycleReport report = client("http://127.0.0.1:" + server.port() + "/")
                    .task("Build", t -> t.command("true")).runOnce();

            assertThat(report.outcome()).isEqualTo(ExecutionOutcome.OK);
            try (LogStore tree = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
                ExecutionLog log = tree.read(report.execution());
                assertThat(log.events()).hasSize(6);
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void unregisteredClient_isRefusedWith500_soItsReportsWaitInTheSpool_withTheServersReason() {
        Path logs = registeredLogs();
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, WEBAPP)) {
            FarmClient stranger = FarmClient.define(CLIENT.project(), "stranger")
                    .remote("http://127.0.0.1:" + server.port() + "/testfarmservice")
                    .stateDirectory(dir.resolve("stranger-state")).directory(dir).console(null)
                    .shutdownHook(false).warnings(warnings::add)
                    .task("Build", t -> t.command("true"));
            stranger.runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);
        }
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("500", "ClientNotFound"));
    }
}
