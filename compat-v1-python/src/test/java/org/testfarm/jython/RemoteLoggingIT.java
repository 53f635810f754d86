package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.jython.world.StandaloneServer;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * star_import_remote.py reports to the standalone server and to a local log tree
 * at once: both hold the same red run of client star_import of project Conformance.
 * The launcher signs with the key in TESTFARM_KEY; without one, only a client
 * registered with --legacy-unsigned is taken.
 */
class RemoteLoggingIT {

    static final ClientRef CLIENT = new ClientRef("Conformance", "star_import");

    @TempDir
    Path temp;

    @Test
    void starImportScriptReportsTheSameRedRunToServerAndLocalTree() throws Exception {
        Path local = temp.resolve("local-logs");
        try (StandaloneServer server = StandaloneServer.serve(temp.resolve("server"), "Conformance", "star_import")) {
            ScriptRun run = new V1Launcher(temp.resolve("home")).env("TESTFARM_KEY", server.key())
                    .run(V1Launcher.sharedScripts().resolve("star_import_remote.py"), server.serviceUrl(), local.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stderr()).as(run.toString()).isEmpty();
            assertThat(run.stdout()).contains("-- Task 3: colours").contains("[ failure ]");
            String summary = server.get("/Conformance/testfarm-data.js");
            assertThat(summary).containsPattern("\"name\" : \"star_import\"")
                    .containsPattern("\"status\" : \"red\"").contains("\"unit tests\", \"colours\"");
            assertHoldsTheRedRun(server.logs);
        }
        assertHoldsTheRedRun(local);
    }

    @Test
    void withoutAKeyTheServerRefusesTheReportsWith401AndStoresNothing() throws Exception {
        try (StandaloneServer server = StandaloneServer.serve(temp.resolve("server"), "Conformance", "star_import")) {
            ScriptRun run = new V1Launcher(temp.resolve("home"))
                    .run(V1Launcher.sharedScripts().resolve("star_import_remote.py"), server.serviceUrl(),
                            temp.resolve("local-logs").toString());

            assertThat(run.stderr()).as(run.toString()).contains("401").contains("must sign");
            try (LogStore store = LogStore.openReadOnly(server.logs, StoreOptions.defaults())) {
                assertThat(store.executions(CLIENT)).isEmpty();
            }
        }
    }

    @Test
    void aClientRegisteredLegacyUnsignedReportsWithoutAKey() throws Exception {
        try (StandaloneServer server = StandaloneServer.serve(temp.resolve("server"), "Conformance", "star_import",
                "--legacy-unsigned")) {
            ScriptRun run = new V1Launcher(temp.resolve("home"))
                    .run(V1Launcher.sharedScripts().resolve("star_import_remote.py"), server.serviceUrl(),
                            temp.resolve("local-logs").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stderr()).as(run.toString()).isEmpty();
            assertHoldsTheRedRun(server.logs);
        }
    }

    private static void assertHoldsTheRedRun(Path tree) {
        try (LogStore store = LogStore.openReadOnly(tree, StoreOptions.defaults())) {
            List<String> executions = store.executions(CLIENT);
            assertThat(executions).as("executions in " + tree).hasSize(1);
            ExecutionLog log = store.read(new ExecutionRef("Conformance", "star_import", executions.get(0)));
            List<ExecutionEvent> events = log.events();
            assertThat(events).filteredOn(TaskStarted.class::isInstance).extracting(e -> ((TaskStarted) e).description())
                    .containsExactly("compile", "unit tests", "colours");
            assertThat(events).filteredOn(ExecutionEnded.class::isInstance)
                    .singleElement().extracting(e -> ((ExecutionEnded) e).ok()).isEqualTo(false);
            List<CommandEnded> ends = events.stream().filter(CommandEnded.class::isInstance)
                    .map(CommandEnded.class::cast).toList();
            assertThat(ends).extracting(CommandEnded::ok).containsExactly(true, false, false);
            assertThat(ends.get(0).stats().get("warnings").intValue()).isEqualTo(2);
            assertThat(ends.get(1).output()).isEqualTo("Ran 7 tests\nFAILED (failures=1)\n");
            assertThat(ends.get(1).info()).isEqualTo("FAILED (failures=1)");
            assertThat(ends.get(2).output()).isEqualTo("\u001b[32mgreen\u001b[0m and plain\n");
            assertThat(store.stats(CLIENT).series("warnings").values()).extracting(Number::intValue).containsExactly(2);
        }
    }
}
