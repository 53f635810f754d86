package org.testfarm.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.state.ClientState;
import org.testfarm.state.FarmState;
import org.testfarm.state.Status;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

class AdminCommandsTest {

    @TempDir
    Path logs;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    ClientState client(String project, String client) {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            return new FarmState(store).client(new ClientRef(project, client));
        }
    }

    @Test
    void initAddProjectAndAddClientRegisterWhatClientsReportTo() {
        assertThat(run("init", logs.toString())).isZero();
        assertThat(run("addproject", logs.toString(), "example project", "--brief", "An <b>example</b>")).isZero();
        assertThat(run("addclient", logs.toString(), "example project", "linux", "--description", "Debian")).isZero();
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.projects()).containsExactly("example project");
            assertThat(store.projectMeta("example project")).containsEntry("briefDescription", "An <b>example</b>");
            assertThat(store.clientMeta(new ClientRef("example project", "linux"))).containsEntry("description", "Debian");
        }
        assertThat(out.toString()).contains("Added project example project", "Added client linux");
    }

    @Test
    void registeringTwiceOrAReservedNameFailsWithOneLineAndNonZeroExit() {
        run("addproject", logs.toString(), "p");
        assertThat(run("addproject", logs.toString(), "p")).isEqualTo(Cli.FAILURE);
        assertThat(err.toString().strip()).isEqualTo("testfarm: project 'p' already exists");
        assertThat(run("addproject", logs.toString(), "clientIdle")).isEqualTo(Cli.FAILURE);
        assertThat(run("addclient", logs.toString(), "nowhere", "c")).isEqualTo(Cli.FAILURE);
        assertThat(run("addproject", logs.toString(), "../escape")).isEqualTo(Cli.FAILURE);
        assertThat(err.toString().lines()).hasSize(4).allMatch(line -> line.startsWith("testfarm: "));
        assertThat(logs.getParent().resolve("escape")).doesNotExist();
    }

    @Test
    void metaShowsAndChangesDescriptions() {
        run("addproject", logs.toString(), "p");
        run("addclient", logs.toString(), "p", "c");
        assertThat(run("meta", logs.toString(), "p", "c", "--set", "briefDescription", "<img src=\"tux.png\"/>")).isZero();
        assertThat(run("meta", logs.toString(), "p", "--set", "description", "A project", "--unset", "none")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("meta", logs.toString(), "p", "c")).isZero();
        assertThat(out.toString().strip()).isEqualTo("{'briefDescription': '<img src=\"tux.png\"/>'}");
        assertThat(run("meta", logs.toString(), "p", "stranger")).isEqualTo(Cli.FAILURE);
    }

    @Test
    void fakerunRecordsGreenRedAndInterruptedExecutions() {
        run("addproject", logs.toString(), "p");
        run("addclient", logs.toString(), "p", "c");
        assertThat(run("fakerun", logs.toString(), "p", "c", "--execution", "20261126-100000",
                "--stats", "1", "2", "tests", "42")).isZero();
        assertThat(client("p", "c").status()).isEqualTo(Status.GREEN);

        assertThat(run("fakerun", logs.toString(), "p", "c", "--execution", "20261126-110000", "--ntasks", "3",
                "--fail", "2", "1", "--info", "2", "1", "boom")).isZero();
        ClientState red = client("p", "c");
        assertThat(red.status()).isEqualTo(Status.RED);
        assertThat(red.failedTasks()).containsExactly("Task 2");

        assertThat(run("fakerun", logs.toString(), "p", "c", "--execution", "20261126-120000",
                "--interrupt", "1", "2")).isZero();
        assertThat(client("p", "c").currentTask().orElseThrow().description()).isEqualTo("Task 1");
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(store.stats(new ClientRef("p", "c")).series("tests")).isEqualTo(Map.of("20261126-100000", 42L));
        }
    }

    @Test
    void adminCommandsOnAMissingLogDirectoryCreateNothingElsewhere() throws Exception {
        Path missing = logs.resolve("not-there");
        assertThat(run("addclient", missing.toString(), "p", "c")).isEqualTo(Cli.FAILURE);
        assertThat(err.toString()).contains("project 'p' is not registered");
        assertThat(Files.list(missing)).allMatch(p -> p.getFileName().toString().equals(".testfarm"));
    }
}
