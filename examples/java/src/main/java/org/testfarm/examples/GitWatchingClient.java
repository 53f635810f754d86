package org.testfarm.examples;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfarm.client.ClientCommandLine;
import org.testfarm.client.FarmClient;
import org.testfarm.stats.StatsExtractors;

/**
 * A TestFarm client in Java: it watches a Git clone of a small Make project
 * ({@code examples/java/sample-project}), and when upstream has new commits it
 * updates the clone, builds it, tests it, and reports to a server and/or a local
 * log tree.
 *
 * <pre>
 * java -jar examples/target/testfarm-example-client.jar \
 *      --set sandbox=/path/to/clone --remote http://127.0.0.1:8080/testfarmservice [--continuous]
 * </pre>
 *
 * Project and client names come from the system properties {@code testfarm.project}
 * and {@code testfarm.client} (defaults {@code Example}, {@code java-example});
 * the rest of the arguments are those of {@link ClientCommandLine}.
 */
public final class GitWatchingClient {

    private static final Pattern WORDS = Pattern.compile("(\\d+)\\s+total");

    private GitWatchingClient() {
    }

    public static void main(String[] args) {
        System.exit(ClientCommandLine.run(define(), args));
    }

    /** The client: the sandbox, then Build (mandatory), Test and Size tasks. */
    public static FarmClient define() {
        return FarmClient.define(System.getProperty("testfarm.project", "Example"),
                        System.getProperty("testfarm.client", "java-example"))
                .config(Map.of("make", "make", "jobs", 2))
                .sandbox("{sandbox}")
                .task("Build", task -> task.mandatory()
                        .command("{make} -j{jobs}", c -> c.cd("{sandbox}")))
                .task("Test", task -> task
                        .command("{make} check", c -> c.cd("{sandbox}")
                                .stats(StatsExtractors.all(StatsExtractors.unittest(),
                                        StatsExtractors.elapsedSeconds()))
                                .info(GitWatchingClient::testSummary)))
                .task("Size", task -> task
                        .command("wc -l src/*.sh tests/*.sh", c -> c.cd("{sandbox}")
                                .stats(output -> shellLines(output))));
    }

    /** The summary line of the test output, such as {@code Ran 3 tests in 0.010s}. */
    static String testSummary(String output) {
        return output.lines().filter(line -> line.startsWith("Ran ")).findFirst().orElse("no test summary");
    }

    /** A custom stat: the total of {@code wc -l}. */
    static Map<String, Number> shellLines(String output) {
        Matcher total = WORDS.matcher(output);
        return total.find() ? Map.of("shell_lines", Long.parseLong(total.group(1))) : Map.of();
    }
}
