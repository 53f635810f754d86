package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.MutableEnvironment;
import org.testfarm.engine.Task;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

@Timeout(60)
class RunnerTest {

    static final ClientRef CLIENT = new ClientRef("Conformance", "runner_test");
    static final Clock NOON = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();
    private final List<String> warnings = new ArrayList<>();

    Runner runner() {
        return new Runner(CLIENT)
                .stateDirectory(new StateDirectory(dir.resolve("state")))
                .environment(new MutableEnvironment(System.getenv(), dir))
                .clock(NOON)
                .idlePeriod(Duration.ofMinutes(2))
                .warnings(warnings::add)
                .listener(recorder);
    }

    static ExecutionPlan echoPlan() {
        return ExecutionPlan.of(Task.ofLines("build", "echo built"), Task.ofLines("test", "false", "echo unreached"));
    }

    @Test
    void runOnce_withoutSandboxes_announcesIdle_runsEveryTask_andStartsWithAnEmptySnapshot() {
        CycleReport report = runner().plan(echoPlan()).runOnce();

        assertThat(report.ran()).isTrue();
        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(report.execution()).isEqualTo(CLIENT.execution("20260301-120000"));
        assertThat(recorder.lines()).containsExactly(
                "IDLE 2.0",
                "BEGIN_TASK 20260301-120000",
                "BEGIN_SUBTASK build",
                "#1.1 ('echo built', 'ok', '', '', {})",
                "END_SUBTASK 1 true",
                "BEGIN_SUBTASK test",
                "#2.1 ('false', 'failure', '', '', {})",
                "END_SUBTASK 2 false",
                "END_TASK false");
        assertThat(recorder.infos()).containsExactly(Map.of("snapshot", List.of()));
    }

    @Test
    void runOnceOnlyWithNewCommits_withNeitherSandboxNorCheckingCommand_onlyAnnouncesIdle() {
        CycleReport report = runner().plan(echoPlan()).runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.ran()).isFalse();
        assertThat(report.newCommits()).isFalse();
        assertThat(recorder.lines()).containsExactly("IDLE 2.0");
    }

    @Test
    void checkingCommandWithoutSandbox_alwaysMeansNewCommits_evenWhenItFails() {
        CycleReport report = runner().plan(echoPlan()).checkingCommand("false")
                .runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.newCommits()).isTrue();
        assertThat(report.ran()).isTrue();
    }

    @Test
    void checkObserver_hearsWhatTheCheckFound_withTheIdlePeriod() {
        List<String> heard = new ArrayList<>();
        runner().checkingCommand("true").checkObserver((found, idle) -> heard.add(found + " " + idle.toSeconds()))
                .runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(heard).containsExactly("true 120");
    }

    @Test
    void planSupplier_isAskedAtEachExecution() {
        int[] asked = {0};
        Runner runner = runner().plan(() -> {
            asked[0]++;
            return ExecutionPlan.of(Task.ofLines("n" + asked[0], "true"));
        });
        runner.runOnce();
        runner.runOnce();

        assertThat(asked[0]).isEqualTo(2);
        assertThat(recorder.lines()).contains("BEGIN_SUBTASK n1", "BEGIN_SUBTASK n2");
    }

    @Test
    void twoExecutionsStartingInTheSameSecond_getDistinctIdsInOrder() {
        Runner runner = runner().plan(echoPlan());
        runner.runForced();
        runner.runForced();

        assertThat(recorder.executions()).extracting(ExecutionRef::execution)
                .containsExactly("20260301-120000", "20260301-120001");
    }

    @Test
    void nextProcessOfTheSameClient_inTheSameSecond_continuesAfterTheLastIdItRecorded() {
        runner().plan(echoPlan()).runForced();
        runner().plan(echoPlan()).runForced();

        assertThat(recorder.executions()).extracting(ExecutionRef::execution)
                .containsExactly("20260301-120000", "20260301-120001");
        assertThat(new StateDirectory(dir.resolve("state")).lastExecution()).contains("20260301-120001");
    }

    @Test
    void paused_cycleAnnouncesIdleAndRunsNothing_forcedRunStillRuns_resumeRunsAgain() {
        Runner runner = runner().plan(echoPlan());
        runner.pause();

        assertThat(runner.isPaused()).isTrue();
        assertThat(dir.resolve("state/paused")).exists();
        CycleReport paused = runner.runOnce();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.ran()).isFalse();
        assertThat(recorder.lines()).containsExactly("IDLE 2.0");

        assertThat(runner.runForced().ran()).isTrue();

        runner.resume();
        assertThat(runner.isPaused()).isFalse();
        assertThat(runner.runOnce().ran()).isTrue();
    }

    @Test
    void listenerThatThrows_isAWarning_andTheOthersHearEverything() {
        FarmListener broken = new FarmListener() {
            @Override
            public void taskStarted(ExecutionRef execution, int task, String description) {
                throw new IllegalStateException("disk on fire");
            }
        };
        Recorder second = new Recorder();
        CycleReport report = runner().listener(broken).listener(second).plan(echoPlan()).runOnce();

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(second.lines()).hasSize(recorder.lines().size()).contains("BEGIN_SUBTASK test");
        assertThat(warnings).hasSize(2).allMatch(w -> w.contains("failed on taskStarted: disk on fire"));
    }
}
