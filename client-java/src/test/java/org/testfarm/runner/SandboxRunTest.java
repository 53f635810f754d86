package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.engine.Command;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.MutableEnvironment;
import org.testfarm.engine.Task;
import org.testfarm.literal.PyTuple;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.git.GitWorld;

/** Runners watching real Git sandboxes (JGit repositories in a temporary folder). */
@Timeout(120)
class SandboxRunTest {

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    Runner runner(GitWorld world) {
        return runner(dir, recorder, world.open());
    }

    /** A runner at noon with a one-minute idle period, its state in {@code dir}, watching {@code sandbox}. */
    static Runner runner(Path dir, Recorder recorder, Sandbox sandbox) {
        return new Runner(RunnerTest.CLIENT)
                .stateDirectory(new StateDirectory(dir.resolve("state")))
                .environment(new MutableEnvironment(System.getenv(), dir))
                .clock(RunnerTest.NOON)
                .idlePeriod(Duration.ofMinutes(1))
                .warnings(w -> { })
                .listener(recorder)
                .sandbox(sandbox);
    }

    /** The build of git_sandbox_changes.py: cd into the sandbox, count the lines of its files. */
    static ExecutionPlan countLines(Path sandbox) {
        return ExecutionPlan.of(Task.of("build", Command.of("cd " + sandbox),
                Command.of("cat *.txt | wc -l").withInfo(out -> "lines: " + out.strip())));
    }

    @Test
    void pendingCommits_updateSandboxFirst_likeTheV1Fixture() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        world.push("a.txt", "b\n", "second: add b");
        world.push("c.txt", "c\n", "third: add c");

        CycleReport report = runner(world).checkingCommand("false").plan(countLines(world.sandbox))
                .runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.OK);
        List<String> expected = expectedV1Log();
        List<String> actual = recorder.lines().stream()
                .filter(line -> !line.startsWith("IDLE"))
                .map(line -> line.replaceAll("[0-9a-f]{40}", "<sha>").replace(world.sandbox.toString(), "<sandbox>")
                        .replaceAll("^#\\d+\\.\\d+ ", "").replaceAll("^END_SUBTASK \\d+ true", "END_SUBTASK")
                        .replaceAll("^BEGIN_TASK .*", "BEGIN_TASK").replaceAll("^END_TASK true", "END_TASK"))
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(world.open().hasPendingChanges()).isFalse();
    }

    /** The lines of git_sandbox_changes.expected after "=== LOG", with task names and ends simplified. */
    private static List<String> expectedV1Log() throws Exception {
        Path expected = Path.of(System.getProperty("testfarm.shared", "../../shared"),
                "fixtures/v1-scripts/git_sandbox_changes.expected");
        List<String> lines = Files.readAllLines(expected);
        return lines.subList(lines.indexOf("=== LOG") + 1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.replaceAll("^(BEGIN|END)_TASK .*", "$1_TASK").replaceAll("^END_SUBTASK .*", "END_SUBTASK"))
                .toList();
    }

    @Test
    void snapshot_holdsLocationAuthorAndRevisionOfEachPendingCommit_oldestFirst() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        RevCommit second = world.push("a.txt", "b\n", "second: add b");
        RevCommit third = world.push("c.txt", "c\n", "third: add c");

        runner(world).runOnce();

        String location = world.sandbox.toAbsolutePath().normalize().toString();
        assertThat(recorder.infos().get(0).get("snapshot")).isEqualTo(List.of(
                PyTuple.of(location, "Dev One <dev@example.org>", second.name()),
                PyTuple.of(location, "Dev One <dev@example.org>", third.name())));
    }

    @Test
    void upToDateSandbox_runsNothingUnlessFirstRunAlways_whichStillUpdatesFirst() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        Runner runner = runner(world).plan(countLines(world.sandbox));

        assertThat(runner.runOnce(FirstRun.ONLY_WITH_NEW_COMMITS).ran()).isFalse();
        CycleReport always = runner.runOnce(FirstRun.ALWAYS);

        assertThat(always.outcome()).isEqualTo(ExecutionOutcome.OK);
        assertThat(recorder.lines()).contains("BEGIN_SUBTASK Update Sandbox", "BEGIN_SUBTASK build");
    }

    @Test
    void missingFiles_countAsNewCommits_andTheUpdateRestoresThem() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        Files.delete(world.sandbox.resolve("a.txt"));

        CycleReport report = runner(world).plan(countLines(world.sandbox)).runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.newCommits()).isTrue();
        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.OK);
        assertThat(world.sandbox.resolve("a.txt")).exists();
    }

    @Test
    void localEditsTheUpdateCannotReapply_theUpdateCommandSaysTheyAreInTheStash() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        world.push("a.txt", "b from upstream\n", "second: add b");
        Files.writeString(world.sandbox.resolve("a.txt"), "a\nb from here\n");

        runner(world).plan(countLines(world.sandbox)).runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(recorder.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("#1.2 ('Updating " + world.sandbox.toAbsolutePath().normalize())
                .contains("stash@{0}", "git stash drop", "conflicts: a.txt"));
    }

    @Test
    void unreachableRemote_isAFailedUpdateSandboxTask_withTheMessage_andNothingElseRuns() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        deleteTree(world.origin);

        CycleReport report = runner(world).plan(countLines(world.sandbox)).runOnce(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(report.newCommits()).isTrue();
        assertThat(report.outcome()).isEqualTo(ExecutionOutcome.FAILED);
        List<String> lines = recorder.lines();
        assertThat(lines).contains("BEGIN_SUBTASK Update Sandbox", "END_SUBTASK 1 false", "END_TASK false")
                .doesNotContain("BEGIN_SUBTASK build");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("#1.1 ('Change log for " + world.sandbox.toAbsolutePath().normalize() + "', 'failure', ")
                .contains("sandbox " + world.sandbox.toAbsolutePath().normalize()));
    }

    @Test
    void continuousLoop_afterAFailedSandboxUpdate_waitsAndRetries_thenBuildsOnceTheRemoteIsBack() throws Exception {
        GitWorld world = GitWorld.create(dir.resolve("git"));
        Path moved = dir.resolve("moved-origin.git");
        Files.move(world.origin, moved);
        List<Duration> sleeps = new ArrayList<>();
        Runner runner = runner(world).plan(countLines(world.sandbox));
        runner.sleeper(period -> {
            sleeps.add(period);
            if (sleeps.size() == 1) {
                try {
                    Files.move(moved, world.origin);
                    world.push("b.txt", "b\n", "second: add b");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                runner.stop();
            }
        });

        runner.runContinuously(FirstRun.ONLY_WITH_NEW_COMMITS);

        assertThat(sleeps).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("END_TASK"))
                .containsExactly("END_TASK false", "END_TASK true");
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("IDLE")).hasSize(3);
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
