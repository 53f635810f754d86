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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.server.cli.Cli;
import org.testfarm.server.launch.EmbeddedServer;

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

    @Test
    void everyHostileNameIsRefusedOverHttpAndNothingIsWrittenAnywhere() throws Exception {
        Path logs = parent.resolve("logs");
        RobustFarm.register(logs, List.of(CLIENT));
        List<String> names = HostileNames.all(parent.toString());
        assertThat(names).hasSizeGreaterThanOrEqualTo(200);
        Map<String, String> beside = RobustFarm.snapshot(parent);
        beside.keySet().removeIf(path -> path.startsWith("logs"));
        Map<String, String> tree = RobustFarm.treeSnapshot(logs);
        Map<String, Boolean> existed = absolutePaths(names);
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
        assertNothingBeside(beside, existed);
        System.out.printf("robust: %d hostile names in %d requests over HTTP: 100%% refused (400), 0 files written%n",
                names.size(), requests);
    }

    @Test
    void everyHostileNameIsRefusedByTheAdminCommands() throws Exception {
        Path logs = parent.resolve("logs");
        RobustFarm.register(logs, List.of(CLIENT));
        List<String> names = HostileNames.all(parent.toString());
        Map<String, String> beside = RobustFarm.snapshot(parent);
        beside.keySet().removeIf(path -> path.startsWith("logs"));
        Map<String, String> tree = RobustFarm.treeSnapshot(logs);
        Map<String, Boolean> existed = absolutePaths(names);
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
        assertNothingBeside(beside, existed);
        System.out.printf("robust: %d hostile names in %d admin commands: 100%% refused, 0 files written%n",
                names.size(), commands);
    }

    /** Nothing new beside the tree, and no absolute path a name spelled came to exist. */
    private void assertNothingBeside(Map<String, String> before, Map<String, Boolean> existed) {
        Map<String, String> after = RobustFarm.snapshot(parent);
        after.keySet().removeIf(path -> path.startsWith("logs"));
        assertThat(after).as("what is beside the tree").isEqualTo(before);
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

    static Map<String, String> fields(String method) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", PyLiteral.format(CLIENT.project()));
        fields.put("client", PyLiteral.format(CLIENT.client()));
        switch (method) {
            case "clientIdle" -> fields.put("minutes", "5");
            case "executionStarts" -> fields.put("execution", PyLiteral.format(EXECUTION));
            case "taskStarts" -> {
                fields.put("execution", PyLiteral.format(EXECUTION));
                fields.put("task", "1");
                fields.put("description", "'build'");
            }
            case "commandStarts" -> {
                fields.put("execution", PyLiteral.format(EXECUTION));
                fields.put("task", "1");
                fields.put("command", "1");
                fields.put("commandline", "'make'");
            }
            case "commandEnds" -> {
                fields.put("execution", PyLiteral.format(EXECUTION));
                fields.put("task", "1");
                fields.put("command", "1");
                fields.put("output", "'done'");
                fields.put("ok", "True");
                fields.put("info", "None");
                fields.put("stats", "{}");
            }
            case "taskEnds" -> {
                fields.put("execution", PyLiteral.format(EXECUTION));
                fields.put("task", "1");
                fields.put("ok", "True");
            }
            case "executionEnds" -> {
                fields.put("execution", PyLiteral.format(EXECUTION));
                fields.put("ok", "True");
            }
            default -> throw new IllegalArgumentException(method);
        }
        return fields;
    }
}
