package org.testfarm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.runner.ClientLock;

import picocli.CommandLine;

@Timeout(60)
class ClientCommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(FarmClient client, String... args) {
        CommandLine line = ClientCommandLine.commandLine(client);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private FarmClient client(String command) {
        return FarmClient.define("Demo", "cli").console(null).shutdownHook(false).directory(dir)
                .task("Build", t -> t.command(command));
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    @Test
    void exitCode_isZeroForAPassingExecution_oneForAFailingOne() {
        assertThat(run(client("true"), "--state-dir", state())).isEqualTo(ClientCommandLine.PASSED);
        assertThat(run(client("false"), "--state-dir", state())).isEqualTo(ClientCommandLine.FAILED);
    }

    @Test
    void pauseAndResume_createAndRemoveTheMarker_andAPausedClientOnlySaysSo() {
        assertThat(run(client("false"), "--state-dir", state(), "--pause")).isZero();
        assertThat(dir.resolve("state/paused")).exists();
        assertThat(out.toString()).contains("Demo/cli is paused");

        assertThat(run(client("false"), "--state-dir", state())).isEqualTo(ClientCommandLine.PASSED);
        assertThat(out.toString()).contains("nothing ran");
        assertThat(run(client("false"), "--state-dir", state(), "--force")).isEqualTo(ClientCommandLine.FAILED);

        assertThat(run(client("false"), "--state-dir", state(), "--resume")).isZero();
        assertThat(dir.resolve("state/paused")).doesNotExist();
    }

    @Test
    void settingsAndConfigFiles_fillTheTemplates_andLocalLogsAreKept() throws Exception {
        Path config = Files.writeString(dir.resolve("client.toml"), "word = \"from-toml\"\n");
        FarmClient client = client("test \"{word}-{n}\" = from-toml-7");

        int code = run(client, "--state-dir", state(), "--config", config.toString(), "--set", "n=7",
                "--logs", dir.resolve("logs").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("logs/Demo/cli")).isDirectory();
    }

    @Test
    void anotherInstanceHoldingTheLock_isExitCode4_withOneLineNamingThePid() {
        try (ClientLock held = ClientLock.acquire(dir.resolve("state/lock"))) {
            assertThat(held.file()).exists();
            assertThat(run(client("true"), "--state-dir", state())).isEqualTo(ClientCommandLine.CANNOT_RUN);
        }
        assertThat(err.toString()).startsWith("testfarm-client: another instance of this client is already running"
                + " (pid " + ProcessHandle.current().pid() + ")").doesNotContain("\tat ");
    }

    @Test
    void contradictoryFlags_areAUsageError() {
        assertThat(run(client("true"), "--pause", "--continuous")).isEqualTo(ClientCommandLine.USAGE);
        assertThat(err.toString()).contains("choose one of");
    }
}
