package org.testfarm.server.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.store.AlreadyExistsException;
import org.testfarm.store.LogStore;
import org.testfarm.wire.ClientKey;

/**
 * The example clients of the repository, run by the demo as separate processes
 * from their built artifacts, each reporting to the demo server.
 */
public record DemoClients(Path repository, String serverUrl, Path logs, PrintWriter out) {

    /** One example: the client it reports as, the artifact it needs, and its command line. */
    record Example(ClientRef client, String artifact, List<String> arguments) {}

    static final List<Example> EXAMPLES = List.of(
            new Example(new ClientRef(DemoHistory.PROJECT, "v1-example"), "compat-v1-python/target/testfarm-v1.jar",
                    List.of("{java}", "-jar", "{repository}/compat-v1-python/target/testfarm-v1.jar",
                            "{repository}/examples/v1/remote_and_local.py", "--continuous", "{server}testfarmservice",
                            "{logs}/.demo-state/v1-example-logs")),
            new Example(new ClientRef(DemoHistory.PROJECT, "java-example"), "examples/target/testfarm-example-client.jar",
                    List.of("{java}", "-Dtestfarm.project=" + DemoHistory.PROJECT,
                            "-jar", "{repository}/examples/target/testfarm-example-client.jar",
                            "--set", "sandbox={clone}", "--remote", "{server}testfarmservice",
                            "--state-dir", "{logs}/.demo-state/java-example", "--continuous", "--idle", "1")));

    /** Minutes between the demo's upstream commits, which make the example clients run again. */
    static final long COMMIT_EVERY_MINUTES = 2;

    /** Registers the examples' projects and clients, with keys, so the server takes their signed reports. */
    public static void register(LogStore store) {
        for (Example example : EXAMPLES) {
            try {
                if (!store.hasProject(example.client().project())) {
                    store.createProject(example.client().project(), Map.of());
                }
                store.createClient(example.client(), Map.of("briefDescription", "example client"));
                KeyRing.of(store.root()).rotate(example.client());
            } catch (AlreadyExistsException e) {
                // registered by an earlier demo, with its key
            }
        }
    }

    /** Starts every example whose artifact is built; says which are not. */
    public List<Process> start() throws IOException {
        List<Process> started = new ArrayList<>();
        DemoRepository git;
        try {
            git = DemoRepository.prepare(repository.resolve("examples/java/sample-project"), logs.resolve(".demo-git"));
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException("cannot prepare the demo's Git repository: " + e.getMessage(), e);
        }
        startCommitting(git);
        KeyRing keys = KeyRing.of(logs);
        for (Example example : EXAMPLES) {
            Path artifact = repository.resolve(example.artifact());
            if (!Files.exists(artifact)) {
                out.println("Example client " + example.client() + " is not built (" + artifact
                        + " is missing): run `mvn -B package -DskipTests` first");
                continue;
            }
            List<String> command = new ArrayList<>();
            for (String argument : example.arguments()) {
                command.add(argument.replace("{repository}", repository.toString()).replace("{server}", serverUrl)
                        .replace("{logs}", logs.toString()).replace("{java}", javaBinary())
                        .replace("{clone}", git.workingCopy().toString()));
            }
            Path log = logs.resolve(".demo-" + example.client().client() + ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // both example clients sign with the key in TESTFARM_KEY, as docs/java-client.md says
            builder.environment().put(ClientKey.KEY_ENV, keys.currentKey(example.client()).text());
            started.add(builder.start());
            out.println("Started example client " + example.client() + " (output in " + log + ")");
        }
        return started;
    }

    private void startCommitting(DemoRepository git) {
        java.util.concurrent.ScheduledExecutorService committer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "testfarm-demo-commits");
                    thread.setDaemon(true);
                    return thread;
                });
        committer.scheduleWithFixedDelay(() -> {
            try {
                git.commit(java.time.LocalDateTime.now());
            } catch (Exception e) {
                out.println("Demo commit failed: " + e.getMessage());
            }
        }, COMMIT_EVERY_MINUTES, COMMIT_EVERY_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
