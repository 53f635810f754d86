package org.testfarm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void timeoutKillsTheWholeProcessTreeAndReportsAFailureWithANote() throws Exception {
        Command command = Command.of("echo going; sleep 100 & echo $! > child.pid;"
                        + " (sleep 100 & echo $! > grandchild.pid; wait) & sleep 100; wait")
                .withTimeout(Duration.ofSeconds(1));
        long start = System.nanoTime();
        RunningCommand running = new CommandRunner().start(command, dir, System.getenv());
        List<ProcessHandle> tree = treeOnceStarted(running.pid(), "child.pid", "grandchild.pid");

        CommandResult result = running.await();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).isEqualTo("going\n[TestFarm] timed out after 1.0 s:"
                + " the command and every process it started were killed\n");
        assertThat(tree).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Processes.allGone(tree, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void commandEndingBeforeItsTimeoutIsNotTouched() throws Exception {
        CommandResult result = new CommandRunner().run(
                Command.of("sleep 0.1; echo done").withTimeout(Duration.ofSeconds(30)).withInfo(String::strip),
                dir, System.getenv());

        assertThat(result.ok()).isTrue();
        assertThat(result.info()).isEqualTo("done");
    }

    @Test
    void cancellingARunningCommandKillsItsTreeAndAwaitThrowsWithThePartialOutput() throws Exception {
        RunningCommand running = new CommandRunner()
                .start(Command.of("echo partial; sleep 100 & echo $! > child.pid; wait"), dir, System.getenv());
        List<ProcessHandle> tree = treeOnceStarted(running.pid(), "child.pid");

        running.cancel();
        CommandAbortedException aborted = null;
        try {
            running.await();
        } catch (CommandAbortedException e) {
            aborted = e;
        }

        assertThat(aborted).isNotNull();
        assertThat(aborted.partialResult().ok()).isFalse();
        assertThat(aborted.partialResult().output()).isEqualTo(
                "partial\n[TestFarm] aborted: the command and every process it started were killed\n");
        assertThat(Processes.allGone(tree, Duration.ofSeconds(10))).isTrue();
    }

    /** The shell and its descendants, once the pid files say the background ones run. */
    private List<ProcessHandle> treeOnceStarted(long shellPid, String... pidFiles) throws Exception {
        for (String pidFile : pidFiles) {
            Processes.awaitFile(dir.resolve(pidFile), Duration.ofSeconds(20));
        }
        Thread.sleep(100); // lets the foreground sleep start too
        ProcessHandle shell = ProcessHandle.of(shellPid).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(shell.descendants().toList());
        tree.add(shell);
        return tree;
    }
}
