package org.testfarm.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.server.launch.Bootstrap;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private String errLines() {
        return err.toString();
    }

    @Test
    void help_listsEverySubcommand_andExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: testfarm", "serve", "help", "--verbose");
        assertThat(errLines()).isEmpty();
    }

    @Test
    void aNamedCommandGetsATreeOfItsOwn_helpAndOptionsFirstGetEveryCommand() {
        assertThat(Cli.commandLine("generate", "logs", "site").getSubcommands()).containsOnlyKeys("generate");
        assertThat(Cli.commandLine("help", "generate").getSubcommands()).containsKeys("serve", "generate", "help");
        assertThat(Cli.commandLine("--verbose", "generate").getSubcommands()).containsKeys("serve", "generate");
        assertThat(Cli.commandLine().getSubcommands()).hasSize(10);

        assertThat(run("help", "generate")).isZero();
        assertThat(out.toString()).contains("Usage: testfarm generate", "--watch");
        assertThat(run("generate", "--interval", "0", "logs", "site")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).isEqualTo("testfarm: --interval must be 1 to 86400 seconds, not 0"
                + " (see 'testfarm generate --help')" + System.lineSeparator());
    }

    @Test
    void helpSubcommand_showsServeOptions() {
        assertThat(run("help", "serve")).isZero();
        assertThat(out.toString()).contains("--port", "--host", "--logs", "--webapp", "8080", "testfarm-logs");
    }

    @Test
    void version_namesTestFarm() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("TestFarm ").doesNotContain("${");
    }

    @Test
    void unknownCommand_isOneLineUsageError_exit2() {
        assertThat(run("frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).isEqualTo("testfarm: unknown command 'frobnicate' (see 'testfarm --help')"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOption_onServe_isOneLineUsageError_exit2() {
        assertThat(run("serve", "--bogus")).isEqualTo(Cli.USAGE);
        assertThat(errLines().lines()).singleElement().asString()
                .startsWith("testfarm: ").contains("'--bogus'").endsWith("(see 'testfarm serve --help')");
    }

    @Test
    void nonNumericPort_isOneLineUsageError_exit2() {
        assertThat(run("serve", "--port", "eighty")).isEqualTo(Cli.USAGE);
        assertThat(errLines().lines()).singleElement().asString().contains("--port", "eighty");
    }

    @Test
    void portOutOfRange_isOneLineUsageError_exit2() {
        assertThat(run("serve", "--port", "70000", "--webapp", "nowhere")).isEqualTo(Cli.USAGE);
        assertThat(errLines().lines()).singleElement().asString()
                .isEqualTo("testfarm: --port must be between 0 and 65535, not 70000 (see 'testfarm serve --help')");
    }

    @Test
    void serveDefaults_arePort8080_everyInterface_logsInWorkingDirectory() {
        CommandLine commandLine = Cli.commandLine();
        commandLine.parseArgs("serve");
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        assertThat(serve.port).isEqualTo(8080);
        assertThat(serve.host).isEqualTo("0.0.0.0");
        assertThat(serve.logs.toAbsolutePath().normalize())
                .isEqualTo(Path.of("testfarm-logs").toAbsolutePath());
        assertThat(serve.webapp).isNull();
    }

    @Test
    void noSubcommand_runsServe_whichFailsInOneLineWithoutAWar() {
        String before = System.clearProperty(Bootstrap.EXPLODED_PROPERTY);
        try {
            assertThat(run()).isEqualTo(Cli.FAILURE);
        } finally {
            if (before != null) {
                System.setProperty(Bootstrap.EXPLODED_PROPERTY, before);
            }
        }
        assertThat(errLines().lines()).singleElement().asString()
                .startsWith("testfarm: no web application to serve");
    }

    @Test
    void failure_withoutVerbose_printsOneLine_exit1(@TempDir Path dir) {
        assertThat(run("serve", "--webapp", dir.toString(), "--logs", dir.resolve("logs").toString()))
                .isEqualTo(Cli.FAILURE);
        assertThat(errLines().lines()).singleElement().asString()
                .isEqualTo("testfarm: " + dir + " is not a web application: it has no WEB-INF/web.xml");
    }

    @Test
    void failure_withVerboseAfterSubcommand_addsStackTrace(@TempDir Path dir) {
        assertThat(run("serve", "--verbose", "--webapp", dir.toString(), "--logs", dir.resolve("logs").toString()))
                .isEqualTo(Cli.FAILURE);
        assertThat(errLines()).startsWith("testfarm: " + dir + " is not a web application")
                .contains("TestFarmException", "\tat ");
    }

    @Test
    void failure_withVerboseBeforeSubcommand_addsStackTrace(@TempDir Path dir) {
        assertThat(run("--verbose", "serve", "--webapp", dir.toString(), "--logs", dir.resolve("logs").toString()))
                .isEqualTo(Cli.FAILURE);
        assertThat(errLines()).contains("\tat ");
    }

    @Test
    void logDirectoryThatIsAFile_failsInOneLine(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "not a directory");
        assertThat(run("serve", "--webapp", "src/main/webapp", "--logs", file.toString())).isEqualTo(Cli.FAILURE);
        assertThat(errLines().lines()).singleElement().asString()
                .startsWith("testfarm: cannot create the log directory " + file);
    }

    @Test
    void describe_namesForeignExceptions_andKeepsOneLine() {
        assertThat(Cli.describe(new java.io.IOException("Disk\nfull"))).isEqualTo("IOException: disk full");
        assertThat(Cli.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void url_bracketsIpv6Hosts() {
        assertThat(ServeCommand.url("127.0.0.1", 80)).isEqualTo("http://127.0.0.1:80/");
        assertThat(ServeCommand.url("::1", 80)).isEqualTo("http://[::1]:80/");
    }
}
