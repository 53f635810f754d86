package org.testfarm.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.testfarm.engine.Command;
import org.testfarm.engine.CommandRunner;

/**
 * The engine's overhead per command: {@code CommandRunner.run} of {@code true}
 * against a bare {@code new ProcessBuilder("sh", "-c", "true").start().waitFor()},
 * interleaved so both see the same machine load. Prints median and p90 of each
 * and of the paired difference. Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -o -q -pl client-java test-compile
 * java -cp client-java/target/classes:client-java/target/test-classes \
 *      org.testfarm.engine.bench.EngineOverheadBench [runs, default 300]
 * </pre>
 */
public final class EngineOverheadBench {

    private static final int WARM_UP = 50;

    private EngineOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Files.createTempDirectory("testfarm-bench");
        CommandRunner runner = new CommandRunner();
        Command command = Command.of("true");
        Map<String, String> env = System.getenv();

        for (int i = 0; i < WARM_UP; i++) {
            bare(dir);
            runner.run(command, dir, env);
        }
        long[] bare = new long[runs];
        long[] engine = new long[runs];
        long[] difference = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bare(dir);
            bare[i] = System.nanoTime() - start;
            start = System.nanoTime();
            if (!runner.run(command, dir, env).ok()) {
                throw new IllegalStateException("'true' failed under the engine");
            }
            engine[i] = System.nanoTime() - start;
            difference[i] = engine[i] - bare[i];
        }
        Files.delete(dir);

        System.out.printf(Locale.ROOT, "%d commands each way, interleaved, after %d warm-up runs%n", runs, WARM_UP);
        report("bare ProcessBuilder sh -c true", bare);
        report("engine CommandRunner.run(true)", engine);
        report("overhead (engine - bare, paired)", difference);
    }

    private static void bare(Path dir) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "true").directory(dir.toFile()).start();
        process.waitFor();
    }

    private static void report(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s median %6.2f ms   p90 %6.2f ms%n", name,
                percentile(sorted, 50) / 1e6, percentile(sorted, 90) / 1e6);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
