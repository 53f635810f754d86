package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.server.cli.Cli;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.wire.WireEncoder;
import org.testfarm.wire.WireRequest;

/**
 * 200 hostile names in every name field of the wire protocol (and in the task
 * number), over real HTTP, and in every name argument of the admin commands: each
 * is refused (400; a non-zero exit), nothing is written in the tree and nothing
 * appears beside it (issue 8).
 */
@Timeout(600)
class HostileNamesTest {

    static final ClientRef CLIENT = new ClientRef("example project", "linux");
    static final String EXECUTION = "20261126-120000";
    static final String[] METHODS = {"executionStarts", "taskStarts", "commandStarts", "commandEnds", "taskEnds",
        "executionEnds", "clientIdle"};

    @TempDir
    Path parent;
    Path logs;
    List<String> names;
    /** What is beside the tree, what is in it, and which absolute paths the names spell exist, before. */
    Map<String, String> beside;
    Map<String, String> tree;
    Map<String, Boolean> existed;

    @BeforeEach
    void registerAndLook() {
        logs = parent.resolve("logs");
        RobustFarm.register(logs, List.of(CLIENT));
        names = HostileNames.all(parent.toString());
        assertThat(names).hasSizeGreaterThanOrEqualTo(200);
        beside = RobustFarm.snapshot(parent);
        beside.keySet().removeIf(path -> path.startsWith("logs"));
        tree = RobustFarm.treeSnapshot(logs);
        existed = absolutePaths(names);
    }

    @Test
    void everyHostileNameIsRefusedOverHttpAndNothingIsWrittenAnywhere() throws Exception {
        List<String> accepted = new ArrayList<>();
        int requests = 0;
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, RobustFarm.WEBAPP)) {
            WireSender sender = new WireSender("http://127.0.0.1:" + server.port() + "/testfarmservice/");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                for (String field : List.of("project", "client", "execution", "task")) {
                    String method = METHODS[(i + field.length()) % METHODS.length];
                    if (method.equals("clientIdle") && (field.equals("execution") || field.equals("task"))) {
                        method = "executionEnds";
                    }
                    Map<String, String> fields = fields(method);
                    if (field.equals("task") && !fields.containsKey("task")) {
                        method = "taskStarts";
                        fields = fields(method);
                    }
                    fields.put(field, PyLiteral.format(name));
                    WireSender.Answer answer = sender.send(method, fields);
                    requests++;
                    if (answer.status() != 400 || !answer.body().startsWith("BadRequest: ")) {
                        accepted.add(field + " " + PyLiteral.format(name) + " in " + method + ": " + answer);
                    }
                }
            }
        }
        assertThat(accepted).as("hostile names not refused with a 400").isEmpty();
        assertThat(RobustFarm.treeSnapshot(logs)).as("the tree").isEqualTo(tree);
        assertNothingBeside();
        System.out.printf("robust: %d hostile names in %d requests over HTTP: 100%% refused (400), 0 files written%n",
                names.size(), requests);
    }

    @Test
    void everyHostileNameIsRefusedByTheAdminCommands() throws Exception {
        List<String> accepted = new ArrayList<>();
        int commands = 0;
        String dir = logs.toString();
        for (String name : names) {
            List<String[]> lines = List.of(
                    new String[] {"addproject", dir, "--", name},
                    new String[] {"addclient", dir, "--", CLIENT.project(), name},
                    new String[] {"addclient", dir, "--", name, "client"},
                    new String[] {"meta", dir, "--set", "brief", "x", "--", name},
                    new String[] {"meta", dir, "--set", "brief", "x", "--", CLIENT.project(), name},
                    new String[] {"fakerun", dir, "--", name, CLIENT.client()},
                    new String[] {"fakerun", dir, "--", CLIENT.project(), name},
                    new String[] {"fakerun", dir, "--execution=" + name, "--", CLIENT.project(), CLIENT.client()});
            for (String[] line : lines) {
                StringWriter err = new StringWriter();
                int exit = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), line);
                commands++;
                if (exit == 0 || !err.toString().startsWith("testfarm: ")) {
                    accepted.add(String.join(" ", line).replace("\0", "\\0") + " exited " + exit + ": " + err);
                }
            }
        }
        assertThat(accepted).as("hostile names the admin commands did not refuse").isEmpty();
        assertThat(RobustFarm.treeSnapshot(logs)).as("the tree").isEqualTo(tree);
        assertNothingBeside();
        System.out.printf("robust: %d hostile names in %d admin commands: 100%% refused, 0 files written%n",
                names.size(), commands);
    }

    /** Nothing new beside the tree, and no absolute path a name spelled came to exist. */
    private void assertNothingBeside() {
        Map<String, String> after = RobustFarm.snapshot(parent);
        after.keySet().removeIf(path -> path.startsWith("logs"));
        assertThat(after).as("what is beside the tree").isEqualTo(beside);
        assertThat(absolutePaths(existed.keySet())).as("which absolute paths the names spell exist").isEqualTo(existed);
    }

    /** The absolute paths among {@code names}, each with whether it exists now. */
    static Map<String, Boolean> absolutePaths(java.util.Collection<String> names) {
        Map<String, Boolean> exist = new LinkedHashMap<>();
        for (String name : names) {
            try {
                if (Path.of(name).isAbsolute()) {
                    exist.put(name, Files.exists(Path.of(name)));
                }
            } catch (InvalidPathException e) {
                // not a path on this system: nothing could have been written there
            }
        }
        return exist;
    }

    /** Valid fields of {@code method} for the registered client, as a client sends them. */
    static Map<String, String> fields(String method) {
        WireEncoder encoder = new WireEncoder();
        ExecutionRef ref = CLIENT.execution(EXECUTION);
        WireRequest request = switch (method) {
            case "clientIdle" -> encoder.clientIdle(CLIENT, 5);
            case "executionStarts" -> encoder.event(ref, new ExecutionEvent.ExecutionStarted(Map.of()));
            case "taskStarts" -> encoder.event(ref, new ExecutionEvent.TaskStarted(1, "build"));
            case "commandStarts" -> encoder.event(ref, new ExecutionEvent.CommandStarted(1, 1, "make"));
            case "commandEnds" -> encoder.event(ref, new ExecutionEvent.CommandEnded(1, 1, "done", true, null, Map.of()));
            case "taskEnds" -> encoder.event(ref, new ExecutionEvent.TaskEnded(1, true));
            case "executionEnds" -> encoder.event(ref, new ExecutionEvent.ExecutionEnded(true, null));
            default -> throw new IllegalArgumentException(method);
        };
        return new LinkedHashMap<>(request.fields());
    }
}
