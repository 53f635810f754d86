package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.MutableEnvironment;
import org.testfarm.engine.Task;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;

@Timeout(120)
class StopAndLockTest {

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();
    private final List<String> warnings = new ArrayList<>();

    Runner runner() {
        return new Runner(RunnerTest.CLIENT)
                .stateDirectory(new StateDirectory(dir.resolve("state")))
                .environment(new MutableEnvironment(System.getenv(), dir))
                .warnings(warnings::add)
                .listener(recorder)
                .plan(ExecutionPlan.of(Task.ofLines("slow", "sleep 30"), Task.ofLines("after", "true")));
    }

    @Test
    void stopFromAnotherThread_endsTheRunningExecutionAborted_andTheLoopReturns() throws Exception {
        Runner runner = runner();
        Thread loop = new Thread(runner::runContinuously);
        loop.start();
        assertThat(recorder.commandStarted.await(30, TimeUnit.SECONDS)).isTrue();

        runner.stop();
        loop.join(20_000);

        assertThat(loop.isAlive()).isFalse();
        assertThat(recorder.lines()).endsWith("END_SUBTASK 1 false", "END_TASK null")
                .doesNotContain("BEGIN_SUBTASK after");
    }

    @Test
    void stopWhileWaiting_endsTheWaitAtOnce() throws Exception {
        Runner runner = runner().idlePeriod(Duration.ofHours(1));
        Thread loop = new Thread(() -> runner.runContinuously(FirstRun.ONLY_WITH_NEW_COMMITS));
        loop.start();
        while (recorder.lines().isEmpty()) {
            Thread.sleep(10);
        }
        runner.stop();
        loop.join(10_000);

        assertThat(loop.isAlive()).isFalse();
        assertThat(recorder.lines()).containsExactly("IDLE 60.0");
    }

    @Test
    void secondInstanceInThisProcess_failsNamingThePidThatHoldsTheLock() throws Exception {
        Runner first = runner();
        Thread running = new Thread(first::runOnce);
        running.start();
        assertThat(recorder.commandStarted.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> runner().runOnce())
                    .isInstanceOf(ClientLockedException.class)
                    .hasMessageContaining("already running (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(dir.resolve("state/lock").toString());
        } finally {
            first.stop();
            running.join(20_000);
        }
        assertThat(Files.readString(dir.resolve("state/lock"))).as("released lock file").isEmpty();
    }

    @Test
    void staleLockLeftByADeadProcess_isTakenOver_withAWarning() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/lock"), "2147483646\n");

        runner().plan(ExecutionPlan.of(Task.ofLines("quick", "true"))).runOnce();

        assertThat(recorder.lines()).contains("END_TASK true");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("left by process 2147483646"));
    }

    @Test
    void sigterm_endsTheExecutionAborted_inTheLocalLog_andAnotherProcessCannotTakeTheLockMeanwhile()
            throws Exception {
        Path logs = dir.resolve("logs");
        Path state = dir.resolve("state");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowClientMain.class.getName(),
                state.toString(), logs.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("child's first line; stderr: %s", stderr()).isEqualTo("started");

            assertThatThrownBy(() -> ClientLock.acquire(state.resolve("lock")))
                    .isInstanceOf(ClientLockedException.class)
                    .hasMessageContaining("(pid " + child.pid() + ")");

            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (LogStore store = LogStore.open(logs)) {
            String execution = store.executions(RunnerTest.CLIENT).get(0);
            ExecutionLog log = store.read(RunnerTest.CLIENT.execution(execution));
            assertThat(log.events()).last().isInstanceOfSatisfying(ExecutionEvent.ExecutionEnded.class,
                    end -> assertThat(end.ok()).as("aborted").isNull());
            assertThat(log.events()).filteredOn(ExecutionEvent.TaskStarted.class::isInstance).hasSize(1);
        }
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("child-stderr.txt"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
