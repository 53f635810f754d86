package org.testfarm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;

class ExecutionRunnerTest {

    private static final ExecutionRef REF = new ExecutionRef("Conformance", "flat_import", "20240301-101010");

    @TempDir
    Path base;
    Path start;
    MutableEnvironment environment;
    final EventLog log = new EventLog();

    @BeforeEach
    void startDirectory() throws Exception {
        start = Files.createDirectories(base.resolve("start")).toRealPath();
        environment = new MutableEnvironment(System.getenv(), start);
    }

    private ExecutionOutcome run(ExecutionPlan plan) {
        return new ExecutionRunner(log).environment(environment).run(REF, plan, Map.of("snapshot", List.of()));
    }

    private static Map<String, Number> countTests(String output) {
        Matcher m = Pattern.compile("Ran (\\d+) tests").matcher(output);
        return m.find() ? Map.of("tests", Integer.parseInt(m.group(1))) : Map.of();
    }

    @Test
    void flatImportEngineScenarioReportsTheSameEventsAsV1() {
        ExecutionPlan plan = ExecutionPlan.of(
                new Task("directories", List.of(
                        Command.of("mkdir -p sub/deeper"),
                        Command.of("cd sub"),
                        Command.of("pwd").withInfo(out -> Path.of(out.strip()).getFileName().toString()),
                        Command.of("cd deeper"),
                        Command.of("basename `pwd`").withInfo(String::strip)), false),
                Task.of("back at the start", Command.of("basename `pwd`").withInfo(String::strip)),
                Task.of("parsers",
                        Command.of("echo 'Ran 42 tests in 0.1s'").withStats(ExecutionRunnerTest::countTests)
                                .withInfo(out -> "counted"),
                        Command.of("echo to-stderr >&2; echo to-stdout").withInfo(out -> "both streams seen: "
                                + (out.contains("to-stderr") && out.contains("to-stdout"))),
                        Command.of("exit 3").withStatusCheck(out -> true),
                        Command.of("echo looks fine").withStatusCheck(out -> false),
                        Command.of("echo never runs")),
                Task.ofLines("not mandatory, fails", "false", "echo never runs either"),
                Task.ofLines("still runs", "echo still"),
                Task.ofLines("mandatory, fails", "echo before; exit 1").asMandatory(),
                Task.ofLines("skipped after mandatory failure", "echo skipped"));

        ExecutionOutcome outcome = run(plan);

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(log.events()).containsExactly(
                new ExecutionStarted(Map.of("snapshot", List.of())),
                new TaskStarted(1, "directories"),
                new CommandStarted(1, 1, "mkdir -p sub/deeper"), ok(1, 1, null),
                new CommandStarted(1, 2, "cd sub"), ok(1, 2, null),
                new CommandStarted(1, 3, "pwd"), ok(1, 3, "sub"),
                new CommandStarted(1, 4, "cd deeper"), ok(1, 4, null),
                new CommandStarted(1, 5, "basename `pwd`"), ok(1, 5, "deeper"),
                new TaskEnded(1, true),
                new TaskStarted(2, "back at the start"),
                new CommandStarted(2, 1, "basename `pwd`"), ok(2, 1, "start"),
                new TaskEnded(2, true),
                new TaskStarted(3, "parsers"),
                new CommandStarted(3, 1, "echo 'Ran 42 tests in 0.1s'"),
                new CommandEnded(3, 1, "", true, "counted", Map.of("tests", 42)),
                new CommandStarted(3, 2, "echo to-stderr >&2; echo to-stdout"),
                ok(3, 2, "both streams seen: true"),
                new CommandStarted(3, 3, "exit 3"), ok(3, 3, null),
                new CommandStarted(3, 4, "echo looks fine"),
                new CommandEnded(3, 4, "looks fine\n", false, null, Map.of()),
                new TaskEnded(3, false),
                new TaskStarted(4, "not mandatory, fails"),
                new CommandStarted(4, 1, "false"), new CommandEnded(4, 1, "", false, null, Map.of()),
                new TaskEnded(4, false),
                new TaskStarted(5, "still runs"),
                new CommandStarted(5, 1, "echo still"), ok(5, 1, null),
                new TaskEnded(5, true),
                new TaskStarted(6, "mandatory, fails"),
                new CommandStarted(6, 1, "echo before; exit 1"),
                new CommandEnded(6, 1, "before\n", false, null, Map.of()),
                new TaskEnded(6, false),
                new ExecutionEnded(false, null));
    }

    @Test
    void packageImportListenersScenarioSeesCallbackEnvironmentCdKeyAndRedStderr() throws Exception {
        Path elsewhere = Files.createDirectories(base.resolve("elsewhere"));
        ExecutionPlan plan = ExecutionPlan.of(
                Task.of("environment",
                        Command.of("echo setting").withInfo(out -> {
                            environment.set("TF_FLAVOUR", "blue");
                            return "flavour set";
                        }),
                        Command.of("echo flavour=$TF_FLAVOUR").withStatusCheck(out -> out.strip().equals("flavour=blue"))),
                Task.of("cd key", Command.of("basename `pwd`").inDirectory(elsewhere).withInfo(String::strip)),
                Task.ofLines("failing with output", "echo partial; echo broken >&2; exit 2"));

        ExecutionOutcome outcome = run(plan);

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(log.commandsEnded()).containsExactly(
                ok(1, 1, "flavour set"),
                ok(1, 2, null),
                ok(2, 1, "elsewhere"),
                new CommandEnded(3, 1, "partial\n\u001b[31mbroken\n\u001b[0m", false, null, Map.of()));
    }

    @Test
    void everyTaskStartsInTheDirectoryTheEnvironmentHasThen() throws Exception {
        Path second = Files.createDirectories(base.resolve("second")).toRealPath();
        ExecutionPlan plan = ExecutionPlan.of(
                Task.of("first", Command.of("cd ..").withInfo(out -> {
                    environment.changeDirectory(second);
                    return null;
                }), Command.of("pwd").withInfo(String::strip)),
                Task.of("second", Command.of("pwd").withInfo(String::strip)));

        run(plan);

        assertThat(log.commandsEnded()).extracting(CommandEnded::info)
                .containsExactly(null, base.toRealPath().toString(), second.toString());
    }

    @Test
    void everyTaskOkMakesTheExecutionOk() {
        ExecutionOutcome outcome = run(ExecutionPlan.of(Task.ofLines("a", "true"), Task.ofLines("b", "true")));

        assertThat(outcome).isEqualTo(ExecutionOutcome.OK);
        assertThat(log.events()).last().isEqualTo(new ExecutionEnded(true, null));
    }

    @Test
    void commandThatCannotRunFailsItsTaskAndTheExecutionGoesOn() {
        ExecutionOutcome outcome = run(ExecutionPlan.of(
                Task.of("missing", Command.of("true").inDirectory(Path.of("nowhere")), Command.of("echo unreached")),
                Task.ofLines("next", "true")));

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(log.commandsEnded()).hasSize(2);
        assertThat(log.commandsEnded().get(0).output()).contains("there is no directory");
        assertThat(log.events()).contains(new TaskEnded(1, false), new TaskEnded(2, true));
    }

    private static CommandEnded ok(int task, int command, String info) {
        return new CommandEnded(task, command, "", true, info, Map.of());
    }

    @Test
    void environmentThatCannotBeReadFailsTheCommandsAndTheExecutionGoesOn() {
        EnvironmentSource broken = new EnvironmentSource() {
            @Override
            public Map<String, String> variables() {
                throw new IllegalStateException("os.environ is gone");
            }

            @Override
            public Path currentDirectory() {
                return start;
            }
        };

        ExecutionOutcome outcome = new ExecutionRunner(log).environment(broken)
                .run(REF, ExecutionPlan.of(Task.ofLines("a", "true", "true"), Task.ofLines("b", "true")));

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(log.commandsEnded()).extracting(CommandEnded::output).containsExactly(
                "[TestFarm] could not get the environment variables: java.lang.IllegalStateException: os.environ is gone\n",
                "[TestFarm] could not get the environment variables: java.lang.IllegalStateException: os.environ is gone\n");
        assertThat(log.events()).last().isEqualTo(new ExecutionEnded(false, null));
    }

    @Test
    void currentDirectoryThatCannotBeReadFailsTheTask() {
        EnvironmentSource broken = new EnvironmentSource() {
            @Override
            public Map<String, String> variables() {
                return System.getenv();
            }

            @Override
            public Path currentDirectory() {
                return null;
            }
        };

        ExecutionOutcome outcome = new ExecutionRunner(log).environment(broken)
                .run(REF, ExecutionPlan.of(Task.ofLines("a", "true")));

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        assertThat(log.commandsEnded().get(0).output())
                .startsWith("[TestFarm] could not get the directory to start the task in: ")
                .contains("no current directory");
    }
}
