package org.testfarm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.testing.ChildJvm;
import org.testfarm.testing.TreeCopy;

/**
 * The example client as a volunteer runs it: {@code java -jar testfarm-example-client.jar},
 * watching a Git clone of the sample project, against {@code java -jar testfarm.war serve}.
 */
@Timeout(600)
class GitWatchingClientIT {

    static final Path WAR = Path.of(System.getProperty("testfarm.war", "../server-war/target/testfarm.war"));
    static final Path JAR = Path.of(System.getProperty("example.jar", "target/testfarm-example-client.jar"));
    static final Path SAMPLE = Path.of(System.getProperty("example.sampleProject", "java/sample-project"));
    static final ClientRef CLIENT = new ClientRef("Example", "java-example");
    static final Pattern STARTUP = Pattern.compile("TestFarm serving .+ at http://(.+):(\\d+)/");
    static final PersonIdent DEV = new PersonIdent("Dev One", "dev@example.org");

    @TempDir
    Path tmp;

    @BeforeAll
    static void builtArtifacts() {
        assertThat(WAR).as("the server WAR: build server-war first (mvn -pl server-war,examples -am verify)")
                .isRegularFile();
        assertThat(JAR).as("the example client jar").isRegularFile();
    }

    private ChildJvm war(String... args) throws Exception {
        return ChildJvm.start(tmp, Stream.concat(Stream.of("-jar", WAR.toAbsolutePath().toString()),
                Stream.of(args)).toList());
    }

    private String admin(String... args) throws Exception {
        try (ChildJvm command = war(args)) {
            assertThat(command.exitCode(Duration.ofMinutes(2))).as("%s; stderr: %s", List.of(args), command.stderr())
                    .isZero();
            return command.remainingStdout();
        }
    }

    /** A bare origin holding the sample project, a clone of it, then one more commit upstream. */
    private Path cloneBehindOrigin() throws Exception {
        Path origin = tmp.resolve("origin.git");
        Path seed = tmp.resolve("seed");
        TreeCopy.copy(SAMPLE, seed);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("the sample project").setAuthor(DEV).setCommitter(DEV).call();
        }
        Git.cloneRepository().setBare(true).setURI(seed.toUri().toString()).setDirectory(origin.toFile())
                .call().close();
        Path clone = tmp.resolve("clone");
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).call().close();
        try (Git git = Git.cloneRepository().setURI(origin.toUri().toString())
                .setDirectory(tmp.resolve("colleague").toFile()).call()) {
            Files.writeString(tmp.resolve("colleague/src/greet.sh"), "# greets politely\n",
                    java.nio.file.StandardOpenOption.APPEND);
            git.add().addFilepattern("src/greet.sh").call();
            git.commit().setMessage("greet: a comment").setAuthor(DEV).setCommitter(DEV).call();
            git.push().call();
        }
        return clone;
    }

    @Test
    void exampleClient_runOnceWithNewCommits_buildsTestsAndTheServerHoldsTheExecution() throws Exception {
        Path logs = tmp.resolve("server logs");
        admin("addproject", logs.toString(), CLIENT.project());
        String added = admin("addclient", logs.toString(), CLIENT.project(), CLIENT.client());
        Path keyFile = Files.writeString(tmp.resolve("client.key"), added.lines().filter(l -> l.startsWith("tf1."))
                .findFirst().orElseThrow());
        Path clone = cloneBehindOrigin();

        try (ChildJvm server = war("serve", "--port", "0", "--host", "127.0.0.1", "--logs", logs.toString())) {
            Matcher startup = STARTUP.matcher(server.nextLine(Duration.ofMinutes(2)));
            assertThat(startup.matches()).isTrue();
            String base = "http://127.0.0.1:" + startup.group(2);

            int exit;
            String output;
            try (ChildJvm client = ChildJvm.start(tmp, List.of("-jar", JAR.toAbsolutePath().toString(),
                    "--new-commits-only", "--set", "sandbox=" + clone, "--remote", base + "/testfarmservice",
                    "--key-file", keyFile.toString(), "--state-dir", tmp.resolve("state").toString()))) {
                exit = client.exitCode(Duration.ofMinutes(3));
                output = client.stdout() + client.stderr();
            }
            assertThat(exit).as(output).isZero();

            HttpResponse<String> feed = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/Example/testfarm-data.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.body()).contains("\"java-example\"", "\"green\"");

            try (LogStore tree = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
                List<String> executions = tree.executions(CLIENT);
                assertThat(executions).hasSize(1);
                ExecutionLog log = tree.read(CLIENT.execution(executions.get(0)));
                assertThat(log.events()).filteredOn(ExecutionEvent.TaskStarted.class::isInstance)
                        .extracting(e -> ((ExecutionEvent.TaskStarted) e).description())
                        .containsExactly("Update Sandbox", "Build", "Test", "Size");
                assertThat(log.events()).filteredOn(ExecutionEvent.CommandEnded.class::isInstance)
                        .allSatisfy(e -> assertThat(((ExecutionEvent.CommandEnded) e).ok()).isTrue())
                        .anySatisfy(e -> assertThat(((ExecutionEvent.CommandEnded) e).info())
                                .isEqualTo("Ran 3 tests in 0.010s"));
                assertThat(log.events()).last().isInstanceOfSatisfying(ExecutionEvent.ExecutionEnded.class, e -> assertThat(e.ok()).isTrue());
                assertThat(log.info().get("snapshot")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
                assertThat(tree.stats(CLIENT).keys()).contains("tests", "shell_lines", "elapsed_seconds");
            }
            assertThat(clone.resolve("build/greet")).exists();
            assertThat(Files.readString(clone.resolve("src/greet.sh"))).contains("greets politely");
        }
    }
}
