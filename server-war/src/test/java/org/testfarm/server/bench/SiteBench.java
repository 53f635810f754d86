package org.testfarm.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.launch.ContainerLogging;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.server.site.Site;
import org.testfarm.server.site.StaticSite;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * Benchmarks of the web site. Not a test; run it by hand (see docs/web-site.md; figures in BENCHMARKS.md):
 *
 * <pre>
 * mvn -B -o -q -pl server-war -am package -DskipTests
 * mvn -B -o -q -pl server-war dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * CP=client-java/target/classes:templates/target/classes:server-war/target/classes:server-war/target/test-classes:$(tr ':' '\n' < /tmp/cp.txt | grep -v org/testfarm | paste -sd:)
 * java -cp $CP org.testfarm.server.bench.SiteBench generate   # 10 clients x 1,000 executions x 20 commands
 * java -cp $CP org.testfarm.server.bench.SiteBench live [WAR] # summary p99 at 200 req/s, server in its own JVM
 * java -cp $CP org.testfarm.server.bench.SiteBench load URL   # the same load against a server already running
 * java -Xmx256m -cp $CP org.testfarm.server.bench.SiteBench heap  # 1,000 clients, 100,000 executions
 * </pre>
 */
public final class SiteBench {

    private SiteBench() {}

    public static void main(String[] args) throws Exception {
        ContainerLogging.quiet();
        Path root = Files.createTempDirectory("testfarm-site-bench");
        switch (args.length > 0 ? args[0] : "generate") {
            case "generate" -> generate(root);
            case "live" -> live(root, Path.of(args.length > 1 ? args[1] : "server-war/target/testfarm.war"));
            case "load" -> load(args[1]); // against a server already running: SiteBench load URL
            case "warm" -> warm(root, args.length > 1 ? Integer.parseInt(args[1]) : 3);
            case "heap" -> heap(root, args.length > 1 ? Integer.parseInt(args[1]) : 100);
            case "again" -> {
                // regenerate an existing bench tree and site: SiteBench again DIR [ROUNDS], a new execution every other round
                int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
                for (int i = 0; i < rounds; i++) {
                    if (i % 2 == 1) {
                        addExecution(Path.of(args[1], "logs"), 10);
                    }
                    StaticSite.Report report = generateOnce(Path.of(args[1], "logs"), Path.of(args[1], "site"), 2);
                    System.out.printf("%d written, %d unchanged in %d ms%n", report.written(), report.unchanged(),
                            report.took().toMillis());
                }
            }
            default -> System.err.println("usage: SiteBench generate|live|heap [executions per client]");
        }
        System.out.println("tree and site left in " + root + " (delete it when done)");
    }

    static void generate(Path root) throws Exception {
        Path logs = root.resolve("logs");
        long t0 = System.nanoTime();
        BenchTree.write(logs, 1, 10, 1000, 20, LocalDateTime.of(2026, 1, 1, 8, 0));
        System.out.printf("tree of 10 clients x 1,000 executions x 20 commands written in %d ms%n", ms(t0));
        Path out = root.resolve("site");
        int threads = Runtime.getRuntime().availableProcessors();
        long cpu = cpuNanos();
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            // resident: one generator kept between generations, as `generate --watch` runs
            StaticSite resident = new StaticSite(new Site(new FarmState(store), Integer.MAX_VALUE), out, "", threads);
            StaticSite.Report full = resident.generate();
            System.out.printf("full generation: %d files in %d ms, %d ms CPU (%d threads)%n", full.written(),
                    full.took().toMillis(), (cpuNanos() - cpu) / 1_000_000, threads);
            System.out.println("CPU by thread kind so far: " + cpuByThreadKind());
            for (int i = 0; i < Integer.getInteger("bench.regenerations", 3); i++) {
                ExecutionRef added = addExecution(logs, i);
                Thread.sleep(Long.getLong("bench.pause", 0)); // executions arrive minutes apart, not all at once
                cpu = cpuNanos();
                StaticSite.Report again = resident.generate();
                System.out.printf("resident regeneration after one new execution (%s): %d written, %d unchanged in"
                        + " %d ms, %d ms CPU%n", added.execution(), again.written(), again.unchanged(),
                        again.took().toMillis(), (cpuNanos() - cpu) / 1_000_000);
            }
            System.out.println("CPU by thread kind so far: " + cpuByThreadKind());
        }
        for (int i = 0; i < 3; i++) {
            ExecutionRef added = addExecution(logs, 100 + i);
            cpu = cpuNanos();
            StaticSite.Report again = generateOnce(logs, out, threads);
            System.out.printf("regeneration by a new generator after one new execution (%s): %d written, %d unchanged"
                    + " in %d ms, %d ms CPU%n", added.execution(), again.written(), again.unchanged(),
                    again.took().toMillis(), (cpuNanos() - cpu) / 1_000_000);
        }
        cpu = cpuNanos();
        StaticSite.Report nothing = generateOnce(logs, out, threads);
        System.out.printf("regeneration with nothing new: %d written in %d ms, %d ms CPU%n", nothing.written(),
                nothing.took().toMillis(), (cpuNanos() - cpu) / 1_000_000);
    }

    /** Full generations in one JVM, each into a new folder: what the JIT and warm-up cost the first one. */
    static void warm(Path root, int rounds) throws Exception {
        Path logs = root.resolve("logs");
        BenchTree.write(logs, 1, 10, 1000, 20, LocalDateTime.of(2026, 1, 1, 8, 0));
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 1; i <= rounds; i++) {
            long cpu = cpuNanos();
            StaticSite.Report full = generateOnce(logs, root.resolve("site" + i), threads);
            System.out.printf("full generation %d: %d files in %d ms, %d ms CPU; by thread kind so far %s%n", i,
                    full.written(), full.took().toMillis(), (cpuNanos() - cpu) / 1_000_000, cpuByThreadKind());
        }
    }

    private static StaticSite.Report generateOnce(Path logs, Path out, int threads) throws IOException {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            return new StaticSite(new Site(new FarmState(store), Integer.MAX_VALUE), out, "", threads).generate();
        }
    }

    /** The client's next execution, two hours after its latest (as the tree has them): usually in the same month. */
    private static ExecutionRef addExecution(Path logs, int n) {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            ClientRef client = new ClientRef("bench", "client3");
            List<String> ids = store.executions(client);
            ExecutionRef ref = client.execution(LocalDateTime.parse(ids.get(ids.size() - 1), LogStore.EXECUTION_FORMAT)
                    .plusHours(2).format(LogStore.EXECUTION_FORMAT));
            store.executionStarted(ref, Map.of());
            for (int t = 1; t <= 4; t++) {
                store.taskStarted(ref, t, "task " + t);
                for (int c = 1; c <= 5; c++) {
                    store.commandStarted(ref, t, c, "make step-" + t + "-" + c);
                    store.commandEnded(ref, t, c, "", true, null, Map.of("tests", 2000 + n));
                }
                store.taskEnded(ref, t, true);
            }
            store.executionEnded(ref, true);
            return ref;
        }
    }

    /**
     * The summary page at a constant rate from this process, against {@code java -jar WAR serve}
     * run as a child process over real HTTP: three measured rounds after a warm-up.
     */
    static void live(Path root, Path war) throws Exception {
        Path logs = root.resolve("logs");
        BenchTree.write(logs, 1, 10, 1000, 20, LocalDateTime.of(2026, 1, 1, 8, 0));
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", war.toString(), "serve", "--host", "127.0.0.1", "--port", "0", "--logs", logs.toString())
                .redirectErrorStream(true).start();
        try {
            java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            String line = output.readLine();
            while (line != null && !line.startsWith("TestFarm serving ")) {
                line = output.readLine(); // the container's start-up log
            }
            if (line == null) {
                throw new IllegalStateException("the server did not start");
            }
            Thread drain = new Thread(() -> output.lines().forEach(l -> { }), "server-output");
            drain.setDaemon(true);
            drain.start();
            load(line.substring(line.indexOf(" at ") + 4) + "bench/index.html");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A warm-up, then three measured rounds of 20 s at 200 req/s against a page. */
    static void load(String url) throws Exception {
        java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "bench-http");
            thread.setDaemon(true); // the JVM ends with main
            return thread;
        });
        HttpClient http = HttpClient.newBuilder().executor(threads).build();
        int rate = 200;
        openLoop(http, url, rate, 10); // warm-up: the server's JIT, caches and connections
        for (int round = 1; round <= 3; round++) {
            long[] latencies = openLoop(http, url, rate, 20);
            Arrays.sort(latencies);
            System.out.printf("round %d, %s at %d req/s for 20 s: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                    + " (%d requests; load average %s)%n", round, url, rate, latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6,
                    latencies.length, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
    }

    /** Requests sent on a fixed schedule, whatever the answers' speed; latency counts from the scheduled time. */
    private static long[] openLoop(HttpClient http, String url, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        List<java.util.concurrent.CompletableFuture<Long>> answers = new ArrayList<>(total);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // a GET sent on a kept-alive connection the server has just closed is sent again, as browsers do
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .exceptionallyCompose(e -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .thenApply(response -> {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode());
                }
                return System.nanoTime() - due;
            }));
        }
        long[] latencies = new long[total];
        for (int i = 0; i < total; i++) {
            latencies[i] = answers.get(i).get();
        }
        return latencies;
    }

    static void heap(Path root, int executions) throws Exception {
        Path logs = root.resolve("logs");
        long t0 = System.nanoTime();
        BenchTree.write(logs, 10, 100, executions, 4, LocalDateTime.of(2026, 1, 1, 8, 0));
        System.out.printf("tree of 10 projects x 100 clients x %d executions written in %d s%n", executions, ms(t0) / 1000);
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("server-war/src/main/webapp"))) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            HttpClient http = HttpClient.newHttpClient();
            int requests = 0;
            for (int p = 0; p < 10; p++) {
                for (String page : List.of("index.html", "history.html", "cc.xml", "feed.atom")) {
                    requests += get(http, base + "bench" + p + "/" + page);
                }
                for (int c = 0; c < 100; c++) {
                    ClientRef client = new ClientRef("bench" + p, "client" + c);
                    String id = LocalDateTime.of(2026, 1, 1, 8, 0).plusHours(2L * (executions - 1)).plusMinutes(c)
                            .format(LogStore.EXECUTION_FORMAT);
                    requests += get(http, base + client.project() + "/details-" + client.client() + "-" + id + ".html");
                    requests += get(http, base + client.project() + "/" + client.client() + "-stats.html");
                    requests += get(http, base + client.project() + "/" + client.client() + "-badge.svg");
                }
            }
            System.gc();
            Thread.sleep(500);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap after %d requests over 1,000 clients and %,d executions: %.1f MiB used"
                    + " (max %d MiB)%n", requests, 1000L * executions, used / 1048576.0,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static int get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return 1;
    }

    /** CPU time of the whole process so far: on a shared machine, steadier than wall time. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU ms per kind of thread (the JIT compilers, GC, the generator...) from /proc: where the CPU went. */
    static Map<String, Long> cpuByThreadKind() throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        long tick = 10; // ms per clock tick (USER_HZ 100)
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9#]+", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.merge(name.strip(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick, Long::sum);
            }
        }
        out.values().removeIf(ms -> ms < 100);
        return out;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
