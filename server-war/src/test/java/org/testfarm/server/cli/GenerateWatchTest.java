package org.testfarm.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** {@code generate --watch}: a resident generator keeps the static site up to date. */
class GenerateWatchTest {

    @TempDir
    Path logs;
    @TempDir
    Path site;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theSiteFollowsTheTreeUntilTheGeneratorIsStopped() throws Exception {
        assertThat(run("init", logs.toString())).isZero();
        assertThat(run("addproject", logs.toString(), "demo")).isZero();
        assertThat(run("addclient", logs.toString(), "demo", "linux", "--legacy-unsigned")).isZero();
        Thread[] generator = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        generator[0] = new Thread(() -> exit.complete(run("generate", logs.toString(), site.toString(), "--watch",
                "--interval", "1")), "generate-watch");
        generator[0].start();
        try {
            awaitFile(site.resolve("demo/index.html"));
            ExecutionRef ref = new ExecutionRef("demo", "linux", "20261126-100000");
            try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
                store.executionStarted(ref, Map.of());
                store.taskStarted(ref, 1, "build");
                store.commandStarted(ref, 1, 1, "make all");
                store.commandEnded(ref, 1, 1, "compiled", true, null, Map.of());
                store.taskEnded(ref, 1, true);
                store.executionEnded(ref, true);
            }
            Path details = site.resolve("demo/details-linux-20261126-100000.html");
            awaitFile(details);
            assertThat(Files.readString(details)).contains("make all");
        } finally {
            generator[0].interrupt();
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("Generated " + site.toAbsolutePath().normalize());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadIntervalIsRefusedAndWritesNothing() {
        Path target = site.resolve("out");
        assertThat(run("init", logs.toString())).isZero();

        assertThat(run("generate", logs.toString(), target.toString(), "--watch", "--interval", "0"))
                .isEqualTo(Cli.USAGE);

        assertThat(err.toString()).contains("--interval must be 1 to 86400 seconds");
        assertThat(target).doesNotExist();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(file)) {
            assertThat(System.nanoTime()).as("%s written within 60 s", file).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
