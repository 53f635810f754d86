package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.jython.world.GitWorld;
import org.testfarm.jython.world.StandaloneServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.testing.ChildJvm;

/** The v1 example clients of {@code examples/v1}, run as a volunteer runs them. */
class ExamplesIT {

    @TempDir
    Path temp;

    @Test
    void gitWatcherBuildsOnlyWhenUpstreamMovedAndLogsLocally() throws Exception {
        GitWorld world = GitWorld.twoCommitsBehind(temp.resolve("git"));
        world.commitFile("build.sh", "echo compiling; echo built\n", "build script");
        world.commitFile("run_tests.sh", "echo 'Ran 3 tests'; echo OK\n", "test script");
        Path logs = temp.resolve("logs");
        V1Launcher launcher = new V1Launcher(temp.resolve("home"));
        Path script = V1Launcher.examples().resolve("git_watcher.py");

        ScriptRun first = launcher.run(script, world.sandbox.toString(), logs.toString());
        ScriptRun second = launcher.run(script, world.sandbox.toString(), logs.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("-- Task 1: Update Sandbox", "-- Task 2: build", "-- Task 3: tests",
                "== Execution ended: ");
        assertThat(Files.readString(world.sandbox.resolve("c.txt"))).isEqualTo("c\n");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).doesNotContain("== Execution");
        ClientRef client = new ClientRef("Example", "git-watcher");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            List<String> executions = store.executions(client);
            assertThat(executions).hasSize(1);
            List<ExecutionEvent> events = store.read(client.execution(executions.get(0))).events();
            assertThat(events).filteredOn(TaskStarted.class::isInstance)
                    .extracting(e -> ((TaskStarted) e).description()).containsExactly("Update Sandbox", "build", "tests");
            assertThat(events).filteredOn(CommandEnded.class::isInstance).extracting(e -> ((CommandEnded) e).ok())
                    .containsOnly(true);
            assertThat(store.stats(client).series("tests").values()).extracting(Number::intValue).containsExactly(3);
        }
    }

    @Test
    void remoteAndLocalExampleReportsNumberedCommandsToServerAndTree() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve(".config/testfarm"));
        Files.writeString(home.resolve(".config/testfarm/testfarm"),
                "name = 'tester-box'\ndescription = 'Debian, <b>amd64</b>'\n_secret = 'not a setting'\n");
        Path local = temp.resolve("local-logs");
        ClientRef client = new ClientRef("Demo", "tester-box");
        try (StandaloneServer server = StandaloneServer.serve(temp.resolve("server"), "Demo", "tester-box")) {
            ScriptRun run = new V1Launcher(home).env("TESTFARM_KEY", server.key())
                    .run(V1Launcher.examples().resolve("remote_and_local.py"),
                    server.serviceUrl(), local.toString(), temp.resolve("work").toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stderr()).as(run.toString()).isEmpty();
            assertThat(server.get("/Demo/testfarm-data.js")).contains("\"status\" : \"red\"")
                    .contains("\"lint (allowed to fail)\"")
                    .as("run once, it promised to check again in 0 s (its seconds_idle)")
                    .contains("\"doing\" : \"old\"");
            assertCommandsNumberedWithinTasks(server.logs, client);
        }
        assertCommandsNumberedWithinTasks(local, client);
    }

    @Test
    void remoteAndLocalExampleRunContinuouslyWaitsForItsNextCheckOnceItsBuildIsOver() throws Exception {
        try (StandaloneServer server = StandaloneServer.serve(temp.resolve("server"), "Demo", "v1-example")) {
            V1Launcher.Running example = new V1Launcher(temp.resolve("home")).env("TESTFARM_KEY", server.key())
                    .background(V1Launcher.examples().resolve("remote_and_local.py"), "--continuous",
                            server.serviceUrl(), temp.resolve("local-logs").toString(), temp.resolve("work").toString());
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                String feed = server.get("/Demo/testfarm-data.js");
                while (!(feed.contains("\"status\" : \"red\"") && feed.contains("\"doing\" : \"wait\""))) {
                    assertThat(example.process().isAlive()).as(example.output()).isTrue();
                    assertThat(System.nanoTime()).as("the build ended, then waiting: %s", feed).isLessThan(deadline);
                    Thread.sleep(200);
                    feed = server.get("/Demo/testfarm-data.js");
                }
                assertThat(example.process().isAlive()).as(example.output()).isTrue();
            } finally {
                ChildJvm.stop(example.process(), Duration.ofSeconds(30));
            }
        }
    }

    private static void assertCommandsNumberedWithinTasks(Path tree, ClientRef client) {
        try (LogStore store = LogStore.openReadOnly(tree, StoreOptions.defaults())) {
            List<String> executions = store.executions(client);
            assertThat(executions).as("executions in " + tree).hasSize(1);
            ExecutionRef ref = client.execution(executions.get(0));
            List<String> numbers = store.read(ref).events().stream().filter(CommandStarted.class::isInstance)
                    .map(CommandStarted.class::cast).map(c -> c.task() + "." + c.command()).toList();
            assertThat(numbers).containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4",
                    "4.1", "4.2");
            assertThat(store.stats(client).series("warning").values()).extracting(Number::intValue).containsExactly(2);
        }
    }
}
