package org.testfarm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.runner.CycleReport;
import org.testfarm.runner.FirstRun;
import org.testfarm.stats.StatsExtractors;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.vcs.git.GitWorld;

@Timeout(120)
class FarmClientTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<String> warnings = new ArrayList<>();

    FarmClient client() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        return FarmClient.define("Demo", "java-client")
                .config(Map.of("greeting", "hello", "work", dir.resolve("work").toString()))
                .stateDirectory(dir.resolve("state"))
                .localLogs(dir.resolve("logs"))
                .directory(dir)
                .console(new PrintStream(console, true))
                .shutdownHook(false)
                .warnings(warnings::add);
    }

    private ExecutionLog onlyExecution(ClientRef ref) {
        try (LogStore tree = LogStore.openReadOnly(dir.resolve("logs"), StoreOptions.defaults())) {
            List<String> executions = tree.executions(ref);
            assertThat(executions).hasSize(1);
            return tree.read(ref.execution(executions.get(0)));
        }
    }

    @Test
    void tasksDefinedWithLambdas_runWithTemplatesFilled_andReachTheLocalLogTree() throws Exception {
        FarmClient client = client()
                .task("Build", t -> t.mandatory()
                        .command("echo {greeting} > made.txt", c -> c.cd("{work}"))
                        .command("cat made.txt", c -> c.info(out -> "said " + out.strip())))
                .task("Test", t -> t
                        .command("echo 'Ran 4 tests in 0.1s'; echo OK", c -> c.stats(StatsExtractors.unittest()))
                        .command("echo 'WARNING: flaky'; exit 3", c -> c.status(out -> !out.contains("ERROR"))));

        CycleReport report = client.runOnce();

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.OK);
        assertThat(dir.resolve("work/made.txt")).hasContent("hello");
        ExecutionLog log = onlyExecution(client.ref());
        assertThat(log.events()).filteredOn(ExecutionEvent.CommandEnded.class::isInstance)
                .map(ExecutionEvent.CommandEnded.class::cast)
                .extracting(ExecutionEvent.CommandEnded::ok, ExecutionEvent.CommandEnded::info)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, null),
                        org.assertj.core.groups.Tuple.tuple(true, "said hello"),
                        org.assertj.core.groups.Tuple.tuple(true, null),
                        org.assertj.core.groups.Tuple.tuple(true, null));
        try (LogStore tree = LogStore.openReadOnly(dir.resolve("logs"), StoreOptions.defaults())) {
            assertThat(tree.stats(client.ref()).keys()).contains("tests");
        }
        assertThat(console.toString()).contains("Build", "Test");
    }

    @Test
    void unknownPlaceholder_failsTheRunBeforeAnythingRuns_namingItAndTheCommand() throws Exception {
        FarmClient client = client().task("Build", t -> t.command("make -j{jobs}"));

        assertThatThrownBy(client::runOnce).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("unknown placeholder {jobs} in command 'make -j{jobs}' of task 'Build'");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void sandboxDirectoryThatIsNoWorkingCopy_isAFailedUpdateSandboxTask_notACrash() throws Exception {
        Files.createDirectories(dir.resolve("not-a-checkout"));
        FarmClient client = client().sandbox(dir.resolve("not-a-checkout"))
                .task("Build", t -> t.command("echo never"));

        CycleReport report = client.runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.FAILED);
        ExecutionLog log = onlyExecution(client.ref());
        assertThat(log.events()).contains(new ExecutionEvent.TaskStarted(1, "Update Sandbox"),
                new ExecutionEvent.TaskEnded(1, false));
        assertThat(log.events()).filteredOn(ExecutionEvent.CommandEnded.class::isInstance)
                .singleElement().asString().contains("is not a working copy");
    }

    @Test
    void gitSandboxGivenAsATemplate_isUpdatedBeforeTheBuild() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        world.push("b.txt", "b\n", "second: add b");
        FarmClient client = client().config(Map.of("src", world.sandbox.toString()))
                .sandbox("{src}")
                .task("Build", t -> t.command("cat b.txt", c -> c.cd("{src}").info(String::strip)));

        CycleReport report = client.runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.OK);
        assertThat(onlyExecution(client.ref()).events()).filteredOn(ExecutionEvent.CommandEnded.class::isInstance)
                .map(e -> ((ExecutionEvent.CommandEnded) e).info()).last().isEqualTo("b");
    }

    @Test
    void pausedClient_runsNothing_untilResumed() throws Exception {
        FarmClient client = client().task("Build", t -> t.command("true"));
        client.pause();

        assertThat(client.isPaused()).isTrue();
        assertThat(client.runOnce().ran()).isFalse();
        client.resume();
        assertThat(client.runOnce().ran()).isTrue();
    }

    @Test
    void stopFromAnotherThread_abortsTheContinuousRun() throws Exception {
        FarmClient client = client().idle(Duration.ofHours(1)).task("Slow", t -> t.command("sleep 30"));
        Thread loop = new Thread(client::runContinuously);
        loop.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!console.toString().contains("sleep 30") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        client.stop();
        loop.join(20_000);

        assertThat(loop.isAlive()).isFalse();
        assertThat(onlyExecution(client.ref()).events()).last()
                .isInstanceOfSatisfying(ExecutionEvent.ExecutionEnded.class, e -> assertThat(e.ok()).isNull());
    }
}
