package org.testfarm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionRef;

class ExecutionAbortTest {

    private static final ExecutionRef REF = new ExecutionRef("Conformance", "abort", "20240301-101010");

    @TempDir
    Path dir;
    final EventLog log = new EventLog();
    final AtomicReference<ExecutionOutcome> outcome = new AtomicReference<>();
    final AtomicBoolean interruptedAfterwards = new AtomicBoolean();

    private ExecutionPlan longPlan() {
        return ExecutionPlan.of(
                Task.ofLines("long", "echo begun; sleep 100 & echo $! > child.pid; wait", "echo never"),
                Task.ofLines("never", "echo never"));
    }

    private Thread startRunning(ExecutionRunner runner) {
        Thread thread = new Thread(() -> {
            outcome.set(runner.run(REF, longPlan()));
            interruptedAfterwards.set(Thread.currentThread().isInterrupted());
        }, "execution-under-test");
        thread.start();
        return thread;
    }

    private ExecutionRunner runner() {
        return new ExecutionRunner(log).environment(new MutableEnvironment(System.getenv(), dir));
    }

    @Test
    void interruptingTheRunningThreadKillsTheCommandAndReportsTheExecutionAborted() throws Exception {
        Thread thread = startRunning(runner());
        ProcessHandle child = awaitChild();

        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(thread.isAlive()).isFalse();
        assertAbortedAfterTheFirstCommand();
        assertThat(interruptedAfterwards).isTrue();
        assertThat(Processes.allGone(List.of(child), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void cancellingFromAnotherThreadKillsTheCommandAndReportsTheExecutionAborted() throws Exception {
        ExecutionRunner runner = runner();
        Thread thread = startRunning(runner);
        ProcessHandle child = awaitChild();

        runner.cancel();
        thread.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(thread.isAlive()).isFalse();
        assertAbortedAfterTheFirstCommand();
        assertThat(interruptedAfterwards).isFalse();
        assertThat(Processes.allGone(List.of(child), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void runOfACancelledRunnerEndsAbortedBeforeAnyCommand() {
        ExecutionRunner runner = runner();
        runner.cancel();

        assertThat(runner.run(REF, longPlan())).isEqualTo(ExecutionOutcome.ABORTED);
        assertThat(log.events()).hasSize(2).last().isEqualTo(new ExecutionEnded(null, null));
    }

    @Test
    void interruptBetweenCommandsEndsTheTaskAndAbortsBeforeTheNextCommand() {
        ExecutionPlan plan = ExecutionPlan.of(Task.of("self-interrupting",
                Command.of("true").withInfo(out -> {
                    Thread.currentThread().interrupt();
                    return "interrupting";
                }),
                Command.of("echo never")));

        ExecutionOutcome result = runner().run(REF, plan);
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result).isEqualTo(ExecutionOutcome.ABORTED);
        assertThat(stillInterrupted).isTrue();
        assertThat(log.commandsEnded()).hasSize(1);
        assertThat(tail(log.events(), 2)).containsExactly(new TaskEnded(1, false), new ExecutionEnded(null, null));
    }

    private ProcessHandle awaitChild() throws Exception {
        log.commandStarted.await(20, TimeUnit.SECONDS);
        Processes.awaitFile(dir.resolve("child.pid"), Duration.ofSeconds(20));
        return Processes.fromPidFile(dir.resolve("child.pid"));
    }

    private void assertAbortedAfterTheFirstCommand() {
        assertThat(outcome.get()).isEqualTo(ExecutionOutcome.ABORTED);
        List<ExecutionEvent> last = tail(log.events(), 3);
        assertThat(last.get(0)).isInstanceOfSatisfying(CommandEnded.class, ended -> {
            assertThat(ended.ok()).isFalse();
            assertThat(ended.output()).isEqualTo(
                    "begun\n[TestFarm] aborted: the command and every process it started were killed\n");
        });
        assertThat(last.subList(1, 3)).containsExactly(new TaskEnded(1, false), new ExecutionEnded(null, null));
        assertThat(log.commandsEnded()).hasSize(1);
    }

    private static List<ExecutionEvent> tail(List<ExecutionEvent> events, int count) {
        return events.subList(Math.max(0, events.size() - count), events.size());
    }
}
