package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** The Java-backed v1 listeners: called by hand, and told of a Ctrl-C. */
class ListenersIT {

    @TempDir
    Path temp;

    private Path script(String name, String... lines) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<ExecutionEvent> onlyExecution(Path tree, ClientRef client) {
        try (LogStore store = LogStore.openReadOnly(tree, StoreOptions.defaults())) {
            List<String> executions = store.executions(client);
            assertThat(executions).as("executions in " + tree).hasSize(1);
            return store.read(client.execution(executions.get(0))).events();
        }
    }

    @Test
    void listenerMethodsCalledByHandReachConsoleAndLocalTreeNumbered() throws Exception {
        Path logs = temp.resolve("logs");
        Path script = script("by_hand.py",
                "import sys",
                "from testfarm import Task, Project, Client",
                "from testfarm.v1.listeners import ConsoleResultListener, LocalLogListener, MultiListener",
                "task = Task(Project('Hand'), Client('made'), 'by hand')",
                "both = MultiListener(ConsoleResultListener(), LocalLogListener(sys.argv[1]))",
                "both.listen_task_info(task)",
                "both.listen_begin_task('by hand', [])",
                "both.listen_begin_subtask('first')",
                "both.listen_begin_command('make')",
                "both.listen_end_command('make', True, '', 'built', {'warnings': 3})",
                "both.listen_begin_command('make check')",
                "both.listen_end_command('make check', False, 'FAIL: x\\n', None, {})",
                "both.listen_end_subtask('first')",
                "both.listen_end_task('by hand', False)",
                "both._close()");

        ScriptRun run = new V1Launcher(temp.resolve("home")).run(script, logs.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("-- Task 1: first", "$ make check ... ", "| FAIL: x");
        List<ExecutionEvent> events = onlyExecution(logs, new ClientRef("Hand", "made"));
        assertThat(events).filteredOn(CommandStarted.class::isInstance)
                .extracting(e -> ((CommandStarted) e).command()).containsExactly(1, 2);
        assertThat(events).filteredOn(CommandEnded.class::isInstance)
                .extracting(e -> ((CommandEnded) e).info()).containsExactly("built", null);
        assertThat(events).last().isEqualTo(new ExecutionEnded(false, ((ExecutionEnded) events.get(events.size() - 1)).stopTime()));
    }

    @Test
    void ctrlCDuringACommandEndsTheExecutionAbortedThenRaisesKeyboardInterrupt() throws Exception {
        Path logs = temp.resolve("logs");
        Path started = temp.resolve("started");
        Path script = script("long.py",
                "import sys",
                "from testfarm import *",
                "task = Task(Project('Stop'), Client('ctrl_c'), 'long')",
                "task.add_subtask('waits', ['touch " + started + "; sleep 60', 'echo never'])",
                "task.add_subtask('never', ['echo never'])",
                "Runner(task, local_base_dir=sys.argv[1])",
                "print 'not reached'");
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        // its own session, so that the Ctrl-C goes to its process group only, as a terminal sends it
        ProcessBuilder builder = new ProcessBuilder("setsid", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + temp.resolve("home"), "-jar", V1Launcher.jar().toString(),
                script.toString(), logs.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // the class archive the other launches made (see V1Launcher), not a first, training run
        builder.environment().put("XDG_CACHE_HOME", V1Launcher.jar().getParent().resolve("cds-cache").toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(started) && process.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(started).as(Files.exists(err) ? Files.readString(err) : "").exists();

        new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).start().waitFor();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(err)).contains("KeyboardInterrupt");
        assertThat(Files.readString(out)).contains("[ aborted ]").doesNotContain("not reached");
        List<ExecutionEvent> events = onlyExecution(logs, new ClientRef("Stop", "ctrl_c"));
        assertThat(events).last().extracting(e -> ((ExecutionEnded) e).ok()).isNull();
        assertThat(events).filteredOn(CommandStarted.class::isInstance).hasSize(1);
    }
}
