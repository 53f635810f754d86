package org.testfarm.server.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.server.bench.BenchTree;
import org.testfarm.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar testfarm.war generate} hands a one-off generation to a JVM
 * that compiles with C1 only: the real WAR, its real child process.
 */
@Timeout(300)
class GenerateForkIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;
    private static Path logs;

    @BeforeAll
    static void tree() throws Exception {
        logs = tmp.resolve("logs");
        BenchTree.write(logs, 1, 4, 300, 10, LocalDateTime.of(2026, 1, 1, 8, 0));
    }

    @Test
    void aOneOffGenerationRunsInAChildJvmWithoutTheOptimizingCompiler() throws Exception {
        Path out = tmp.resolve("site-forked");
        try (ChildJvm war = LaunchedWar.launch(tmp, "generate", logs.toString(), out.toString())) {
            ProcessHandle child = firstChild(war.handle()).orElseThrow(
                    () -> new AssertionError("no child JVM seen; stderr:\n" + war.stderr()));
            List<String> arguments = arguments(child);
            assertThat(arguments).contains("-XX:TieredStopAtLevel=1", "-XX:C1MaxInlineSize=20", Bootstrap.CLI_CLASS,
                    "generate", logs.toString(), out.toString());
            assertThat(arguments.get(arguments.indexOf("-cp") + 1).split(java.io.File.pathSeparator))
                    .as("the jars of the WAR's unpacked copy, the webapp's own classes among them")
                    .allMatch(entry -> entry.startsWith(tmp + "/") && entry.contains("/war-") && entry.endsWith(".jar"))
                    .anyMatch(entry -> entry.matches(".*/WEB-INF/lib/server-war-[^/]+\\.jar"));
            assertThat(war.exitCode(EXIT_TIMEOUT)).isZero();
            assertThat(war.remainingStdout()).startsWith("Generated " + out + ": ");
            assertThat(war.stderr()).isEmpty();
            assertThat(out.resolve("bench/details-client3-" + lastExecution() + ".html")).isRegularFile();
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void forkFalseGeneratesInTheJvmStarted() throws Exception {
        Path out = tmp.resolve("site-here");
        try (ChildJvm war = ChildJvm.start(tmp, List.of("-Dtestfarm.fork=false", "-jar",
                LaunchedWar.WAR.toAbsolutePath().toString(), "generate", logs.toString(), out.toString()))) {
            assertThat(firstChild(war.handle())).isEmpty();
            assertThat(war.exitCode(EXIT_TIMEOUT)).isZero();
            assertThat(out.resolve("bench/index.html")).isRegularFile();
        }
    }

    @Test
    void aWatchingGeneratorRunsInTheChildTooAndStopsWithTheCommand() throws Exception {
        Path out = tmp.resolve("site-watched");
        try (ChildJvm war = LaunchedWar.launch(tmp, "generate", "--watch", "--interval", "1", logs.toString(),
                out.toString())) {
            ProcessHandle child = firstChild(war.handle()).orElseThrow(
                    () -> new AssertionError("no child JVM seen; stderr:\n" + war.stderr()));
            assertThat(arguments(child))
                    .contains("-XX:TieredStopAtLevel=1", "generate", "--watch");
            assertThat(war.nextLine(EXIT_TIMEOUT)).startsWith("Generated " + out + ": ");
            assertThat(out.resolve("bench/index.html")).isRegularFile();
            war.terminate();
            child.onExit().get();
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void optionsFromTheEnvironmentReachTheChildOnce() throws Exception {
        Path out = tmp.resolve("site-env");
        try (ChildJvm war = ChildJvm.start(tmp, List.of("-jar", LaunchedWar.WAR.toAbsolutePath().toString(), "generate",
                logs.toString(), out.toString()), java.util.Map.of("JDK_JAVA_OPTIONS", "-Dtestfarm.example=1"))) {
            ProcessHandle child = firstChild(war.handle()).orElseThrow();
            assertThat(arguments(child))
                    .containsOnlyOnce("-Dtestfarm.example=1");
            assertThat(war.exitCode(EXIT_TIMEOUT)).isZero();
            assertThat(war.stderr().lines().filter(l -> l.contains("Picked up JDK_JAVA_OPTIONS"))).hasSize(1);
        }
    }

    @Test
    void theChildsFailureIsTheCommandsFailure() throws Exception {
        Path missing = tmp.resolve("no-such-logs");
        try (ChildJvm war = LaunchedWar.launch(tmp, "generate", missing.toString(), tmp.resolve("x").toString())) {
            assertThat(war.exitCode(EXIT_TIMEOUT)).isEqualTo(1);
            assertThat(war.stderr().lines()).singleElement().asString().startsWith("testfarm: ").contains(
                    missing.toString());
            assertThat(tmp.resolve("x")).doesNotExist();
        }
    }

    @Test
    void stoppingTheCommandStopsTheChild() throws Exception {
        Path out = tmp.resolve("site-stopped");
        try (ChildJvm war = LaunchedWar.launch(tmp, "generate", logs.toString(), out.toString())) {
            ProcessHandle child = firstChild(war.handle()).orElseThrow();
            war.terminate();
            assertThat(war.exitCode(EXIT_TIMEOUT)).isNotZero();
            child.onExit().get(); // a child left running would hang the test here, until its time-out
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void theFirstGenerationArchivesTheChildsClassesAndLaterOnesMapThem() throws Exception {
        Path cache = tmp.resolve("cache-archived");
        Path out = tmp.resolve("site-archived");
        Path war = LaunchedWar.WAR.toAbsolutePath();
        Path copy = Bootstrap.copyOf(war, cache);
        try (ChildJvm failing = ChildJvm.start(tmp, List.of("-Dtestfarm.cache=" + cache, "-jar", war.toString(),
                "generate", tmp.resolve("no-such-logs").toString(), out.toString()))) {
            assertThat(failing.exitCode(EXIT_TIMEOUT)).isEqualTo(1);
        }
        assertThat(archives(copy)).as("a failed run keeps nothing").isEmpty();

        try (ChildJvm first = ChildJvm.start(tmp, List.of("-Dtestfarm.cache=" + cache, "-jar", war.toString(),
                "generate", logs.toString(), out.toString()))) {
            assertThat(first.exitCode(EXIT_TIMEOUT)).isZero();
            assertThat(first.remainingStdout().lines()).singleElement().asString().startsWith("Generated " + out);
            assertThat(first.stderr()).as("the JVM's remarks on classes it cannot archive").isEmpty();
        }
        assertThat(archives(copy)).singleElement().asString().matches("generate-[0-9a-f]+\\.jsa");

        Path classLog = tmp.resolve("classes-%p.log");
        try (ChildJvm second = ChildJvm.start(tmp, List.of("-Dtestfarm.cache=" + cache,
                "-Xlog:class+load=info:file=" + classLog, "-jar", war.toString(), "generate", "--full", logs.toString(),
                out.toString()))) {
            ProcessHandle child = firstChild(second.handle()).orElseThrow();
            assertThat(arguments(child))
                    .contains("-XX:SharedArchiveFile=" + copy.resolve(archives(copy).get(0)));
            assertThat(second.exitCode(EXIT_TIMEOUT)).isZero();
            String loaded = Files.readString(tmp.resolve("classes-" + child.pid() + ".log"));
            assertThat(loaded).contains("org.testfarm.server.site.StaticSite source: shared objects file (top)");
        }
    }

    private static List<String> archives(Path copy) throws Exception {
        if (!Files.isDirectory(copy)) {
            return List.of();
        }
        try (var files = Files.list(copy)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(".jsa")).toList();
        }
    }

    /**
     * The JVM {@code parent} starts, watched until it exits. A child is seen first as a
     * copy of its parent, then as the JDK's {@code jspawnhelper}, and only then as the
     * JVM it execs (the same process): it is returned once its command line is that JVM's.
     */
    private static Optional<ProcessHandle> firstChild(ProcessHandle parent) throws InterruptedException {
        while (parent.isAlive()) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent() && arguments(child.get())
                    .contains(Bootstrap.CLI_CLASS)) {
                return child;
            }
            Thread.sleep(5);
        }
        return parent.children().findFirst();
    }

    /**
     * A process's command line, read from {@code /proc}: {@code ProcessHandle.Info} reads its first
     * 4,096 bytes only, and gives no arguments for a longer one (the child's class path is longer).
     */
    private static List<String> arguments(ProcessHandle process) {
        try {
            String[] words = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).split("\0");
            return List.of(words).subList(1, words.length); // after the command
        } catch (java.io.IOException e) {
            return List.of(); // gone, or between fork and exec
        }
    }

    private static String lastExecution() throws Exception {
        try (var files = Files.list(logs.resolve("bench/client3"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".info")).sorted()
                    .reduce((a, b) -> b).orElseThrow().replace(".info", "");
        }
    }
}
