package org.testfarm.jython.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of {@code java -jar testfarm-v1.jar}, as a volunteer sees it:
 * <ul>
 * <li>{@code trivial}: a script that prints one line, launch to exit;</li>
 * <li>{@code first-command}: the shared {@code flat_import_engine.py}, launch
 *     until its first command ({@code mkdir -p sub/deeper}) has run, seen by
 *     polling for the folder it makes every 2 ms.</li>
 * </ul>
 * One warm-up run each (it also creates the class-data archive), then the
 * median, minimum and maximum of {@code runs} runs. Not a test; run it by hand
 * after {@code mvn -B -o -pl compat-v1-python -am package -DskipTests}:
 *
 * <pre>
 * mvn -B -o -q -pl compat-v1-python test-compile
 * java -cp compat-v1-python/target/test-classes org.testfarm.jython.bench.StartupBench \
 *      compat-v1-python/target/testfarm-v1.jar ../shared [runs, default 7]
 * </pre>
 * Set {@code TESTFARM_V1_FAST_START=off} in its environment to measure without the archive.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "compat-v1-python/target/testfarm-v1.jar").toAbsolutePath();
        Path shared = Path.of(args.length > 1 ? args[1] : "../shared").toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path work = Files.createTempDirectory("testfarm-startup");
        Path trivial = Files.writeString(work.resolve("trivial.py"), "print 'hello'\n");
        Path flat = shared.resolve("fixtures/v1-scripts/flat_import_engine.py");

        report("trivial (launch to exit)", measure(runs + 1, i -> exit(jar, trivial, List.of())));
        report("flat_import_engine.py (launch to first command)", measure(runs + 1, i -> {
            Path empty = Files.createDirectories(work.resolve("flat-" + i));
            return firstCommand(jar, flat, empty, empty.resolve("start/sub/deeper"));
        }));
    }

    interface Run {
        double millis(int index) throws Exception;
    }

    /** The times of {@code count} runs, the first (warm-up) dropped. */
    private static List<Double> measure(int count, Run run) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double millis = run.millis(i);
            if (i > 0) {
                times.add(millis);
            }
        }
        return times;
    }

    private static double exit(Path jar, Path script, List<String> args) throws Exception {
        long start = System.nanoTime();
        Process process = launch(jar, script, args);
        process.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double firstCommand(Path jar, Path script, Path folder, Path madeByFirstCommand) throws Exception {
        long start = System.nanoTime();
        Process process = launch(jar, script, List.of(folder.toString()));
        while (!Files.isDirectory(madeByFirstCommand) && process.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(2);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        process.waitFor();
        return millis;
    }

    private static Process launch(Path jar, Path script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), script.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void report(String what, List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "%-50s median %6.0f ms  min %6.0f  max %6.0f  (%d runs)%n", what, median,
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
