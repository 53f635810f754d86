package org.testfarm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.stats.TimedExtractor;

class CommandRunnerTest {

    @TempDir
    Path dir;

    private final CommandRunner runner = new CommandRunner();
    private final Map<String, String> env = System.getenv();

    private CommandResult run(Command command) throws Exception {
        return runner.run(command, dir, env);
    }

    @Test
    void failingCommandReportsStdoutAndRedWrappedStderrExactlyAsV1Did() throws Exception {
        CommandResult result = run(Command.of("echo partial; echo broken >&2; exit 2"));

        assertThat(result.ok()).isFalse();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo("partial\n\u001b[31mbroken\n\u001b[0m");
        assertThat(result.info()).isNull();
        assertThat(result.stats()).isEmpty();
    }

    @Test
    void successfulCommandReportsNoOutputButItsCallbacksSeeAllOfIt() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        CommandResult result = run(Command.of("echo to-stderr >&2; echo to-stdout")
                .withInfo(out -> {
                    seen.set(out);
                    return "both: " + (out.contains("to-stderr") && out.contains("to-stdout"));
                }));

        assertThat(result.ok()).isTrue();
        assertThat(result.output()).isEmpty();
        assertThat(result.info()).isEqualTo("both: true");
        assertThat(seen.get()).contains("\u001b[31mto-stderr\n\u001b[0m").contains("to-stdout\n");
    }

    @Test
    void statusCheckTurnsAFailingExitStatusIntoSuccess() throws Exception {
        CommandResult result = run(Command.of("exit 3").withStatusCheck(out -> true));

        assertThat(result.ok()).isTrue();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEmpty();
    }

    @Test
    void statusCheckTurnsASuccessfulExitStatusIntoFailureWithTheOutput() throws Exception {
        CommandResult result = run(Command.of("echo looks fine").withStatusCheck(out -> false));

        assertThat(result.ok()).isFalse();
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).isEqualTo("looks fine\n");
    }

    @Test
    void statsExtractorReadsTheOutputOfASuccessfulCommand() throws Exception {
        CommandResult result = run(Command.of("echo 'Ran 42 tests in 0.1s'")
                .withStats(out -> Map.of("tests", Integer.parseInt(out.replaceAll("\\D+", " ").trim().split(" ")[0]))));

        assertThat(result.stats()).containsExactly(Map.entry("tests", 42));
    }

    @Test
    void timedExtractorGetsTheElapsedTimeOfTheCommand() throws Exception {
        TimedExtractor elapsed = (out, time) -> Map.of("ms", time.toMillis());
        CommandResult result = run(Command.of("sleep 0.2").withStats(elapsed));

        assertThat(result.stats().get("ms").longValue()).isGreaterThanOrEqualTo(200L);
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void cdInACommandIsItsFinalDirectoryEvenWhenItExitsWithAStatus() throws Exception {
        Files.createDirectories(dir.resolve("sub/deeper"));

        CommandResult result = run(Command.of("cd sub/deeper; echo moved; exit 3"));

        assertThat(result.ok()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("moved\n");
        assertThat(result.finalDirectory()).isEqualTo(dir.resolve("sub/deeper").toRealPath());
    }

    @Test
    void commandWithoutCdEndsWhereItStarted() throws Exception {
        assertThat(run(Command.of("true")).finalDirectory()).isEqualTo(dir.toRealPath());
    }

    @Test
    void shellSyntaxErrorFailsAndKeepsTheStartDirectory() throws Exception {
        CommandResult result = run(Command.of("if then"));

        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("Syntax error").contains("1:");
        assertThat(result.finalDirectory()).isEqualTo(dir);
    }

    @Test
    void directoryOfTheCommandIsResolvedAgainstTheCurrentOne() throws Exception {
        Files.createDirectories(dir.resolve("elsewhere"));

        CommandResult result = run(Command.of("basename `pwd`").inDirectory(Path.of("elsewhere"))
                .withInfo(String::strip));

        assertThat(result.info()).isEqualTo("elsewhere");
        assertThat(result.finalDirectory()).isEqualTo(dir.resolve("elsewhere").toRealPath());
    }

    @Test
    void missingDirectoryOfTheCommandIsAFailureSayingSo() throws Exception {
        CommandResult result = run(Command.of("true").inDirectory(Path.of("nowhere")));

        assertThat(result.ok()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.output()).startsWith("[TestFarm] could not run the command: there is no directory ")
                .contains("nowhere");
        assertThat(result.finalDirectory()).isEqualTo(dir);
    }

    @Test
    void missingWorkingDirectoryIsAFailureSayingSo() throws Exception {
        CommandResult result = runner.run(Command.of("true"), dir.resolve("gone"), env);

        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("there is no directory").contains("gone");
    }

    @Test
    void missingShellIsAFailureSayingTheCommandCouldNotStart() throws Exception {
        CommandResult result = runner.withShell(Shell.posix(dir.resolve("no-such-sh")))
                .run(Command.of("true"), dir, env);

        assertThat(result.ok()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.output()).startsWith("[TestFarm] could not start the command: ").contains("no-such-sh");
    }

    @Test
    void commandLineWithANulCharacterIsAFailureSayingItCouldNotStart() throws Exception {
        CommandResult result = run(Command.of("echo \u0000"));

        assertThat(result.ok()).isFalse();
        assertThat(result.output()).startsWith("[TestFarm] could not start the command: ").contains("null character");
    }

    @Test
    void invalidEnvironmentVariableIsAFailureSayingItCouldNotStart() throws Exception {
        CommandResult result = runner.run(Command.of("true"), dir, Map.of("A=B", "x"));

        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("could not start the command").contains("A=B");
    }

    @Test
    void commandSeesExactlyTheGivenEnvironment() throws Exception {
        CommandResult result = runner.run(Command.of("echo \"$FLAVOUR:$HOME\"").withInfo(String::strip),
                dir, Map.of("FLAVOUR", "blue", "PATH", "/usr/bin:/bin"));

        assertThat(result.info()).isEqualTo("blue:");
    }

    @Test
    void throwingInfoExtractorFailsTheCommandWithTheReasonAfterTheOutput() throws Exception {
        CommandResult result = run(Command.of("echo fine").withInfo(out -> {
            throw new IllegalStateException("no info here");
        }));

        assertThat(result.ok()).isFalse();
        assertThat(result.info()).isNull();
        assertThat(result.output()).isEqualTo(
                "fine\n[TestFarm] the info extractor failed: java.lang.IllegalStateException: no info here\n");
    }

    @Test
    void throwingStatsExtractorFailsTheCommandAndTheInfoIsStillKept() throws Exception {
        CommandResult result = run(Command.of("printf fine").withInfo(out -> "kept")
                .withStats(out -> Map.of("n", Integer.parseInt(out))));

        assertThat(result.ok()).isFalse();
        assertThat(result.info()).isEqualTo("kept");
        assertThat(result.stats()).isEmpty();
        assertThat(result.output()).startsWith("fine\n[TestFarm] the stats extractor failed: ")
                .contains("NumberFormatException");
    }

    @Test
    void throwingStatusCheckFailsTheCommand() throws Exception {
        CommandResult result = run(Command.of("true").withStatusCheck(out -> {
            throw new UnsupportedOperationException("undecided");
        }));

        assertThat(result.ok()).isFalse();
        assertThat(result.output()).isEqualTo(
                "[TestFarm] the status check failed: java.lang.UnsupportedOperationException: undecided\n");
    }

    @Test
    void nullEntriesFromAStatsExtractorAreLeftOut() throws Exception {
        Map<String, Number> withNull = new java.util.HashMap<>();
        withNull.put("kept", 1);
        withNull.put("dropped", null);

        assertThat(run(Command.of("true").withStats(out -> withNull)).stats()).containsOnlyKeys("kept");
    }

    @Test
    void placeholderCommandRunsHarmlessly() throws Exception {
        CommandResult result = run(Command.placeholder());

        assertThat(Command.placeholder().line()).isEqualTo(Command.PLACEHOLDER);
        assertThat(result.ok()).isTrue();
    }

    @Test
    void commandReadingStandardInputGetsEndOfFileAtOnce() throws Exception {
        CommandResult result = run(Command.of("cat; echo after-cat").withTimeout(Duration.ofSeconds(20))
                .withInfo(String::strip));

        assertThat(result.ok()).isTrue();
        assertThat(result.info()).isEqualTo("after-cat");
    }

    @Test
    void backgroundProcessLeftRunningDoesNotHangTheCommand() throws Exception {
        long start = System.nanoTime();
        CommandResult result = run(Command.of("(sleep 30 & echo $! > bg.pid); echo started; exit 1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip()))
                .ifPresent(ProcessHandle::destroyForcibly);

        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).startsWith("started\n");
    }

    @Test
    void outputOfAFailedCommandIsCappedKeepingHeadAndTailWhileExtractorsSeeItAll() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        CommandResult result = runner.withOutputLimit(4096)
                .run(Command.of("seq 1 100000; exit 1").withInfo(out -> {
                    seen.set(out);
                    return null;
                }), dir, env);

        long total = seen.get().length();
        assertThat(seen.get()).startsWith("1\n2\n").endsWith("\n99999\n100000\n");
        assertThat(result.output()).startsWith("1\n2\n3\n").endsWith("\n99999\n100000\n")
                .contains("\n[TestFarm] " + (total - 4096) + " bytes of output left out here\n");
        assertThat(result.output().length()).isLessThan(4096 + 100);
    }

    @Test
    void outputBeyondTheAnalysisLimitReachesTheExtractorsCappedToo() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        runner.withOutputLimit(2048).withAnalysisLimit(8192)
                .run(Command.of("seq 1 100000").withInfo(out -> {
                    seen.set(out);
                    return null;
                }), dir, env);

        assertThat(seen.get()).startsWith("1\n2\n").endsWith("\n100000\n").contains(" bytes of output left out here");
        assertThat(seen.get().length()).isLessThan(8192 + 100);
    }
}
