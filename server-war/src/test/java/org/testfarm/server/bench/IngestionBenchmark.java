package org.testfarm.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * Ingestion over HTTP against the real WAR run with {@code java -jar}: durable
 * events per second with 1, 10 and 50 concurrent clients, and the cost of an
 * event as an execution grows to 10, 100 and 1,000 commands with 2 KB outputs.
 *
 * <p>Run: {@code mvn -B -Pbench -pl client-java,templates,server-war -am verify -DskipTests}
 * (or {@code java -cp <test classpath> org.testfarm.server.bench.IngestionBenchmark server-war/target/testfarm.war}).
 * System properties: {@code bench.clients} (default {@code 1,10,50}), {@code bench.growth=false} to skip the
 * growth table, {@code bench.server.options} (JVM options of the server, e.g. a flight recording).
 */
public final class IngestionBenchmark {

    static final String PROJECT = "bench";
    private static final AtomicInteger ROUNDS = new AtomicInteger();
    static final String OUTPUT = "x".repeat(2047) + "\n";

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args.length > 0 ? args[0] : "server-war/target/testfarm.war");
        int[] concurrency = Arrays.stream(System.getProperty("bench.clients", "1,10,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String[] serverOptions = System.getProperty("bench.server.options", "").isBlank() ? new String[0]
                : System.getProperty("bench.server.options").trim().split("\\s+");
        Path logs = Files.createTempDirectory("testfarm-bench");
        try (LogStore store = LogStore.open(logs)) {
            store.createProject(PROJECT, Map.of());
            for (int c = 0; c < 50; c++) {
                store.createClient(new ClientRef(PROJECT, "c" + c), Map.of());
            }
            store.createClient(new ClientRef(PROJECT, "long"), Map.of());
        }
        // WireClient sends unsigned, as deployed Python clients do; the limits would throttle a flood like this one
        KeyRing keys = KeyRing.of(logs);
        for (int c = 0; c < 50; c++) {
            keys.legacyUnsigned(new ClientRef(PROJECT, "c" + c), true);
        }
        keys.legacyUnsigned(new ClientRef(PROJECT, "long"), true);
        String[] options = Arrays.copyOf(serverOptions, serverOptions.length + 1);
        options[serverOptions.length] = "-D" + RateLimits.PER_SECOND_SETTING + "=0";
        try (BenchServer server = new BenchServer(war, logs, options)) {
            WireClient wire = new WireClient(server.url());
            long sent = warmUp(wire);
            System.out.println("before: " + FsyncBaseline.measure(logs, 500) + "; " + load());
            System.out.println("| concurrent clients | events | seconds | durable events/s | server CPU ms/event"
                    + " | benchmark client CPU ms/event |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            for (int clients : concurrency) {
                sent += throughput(server, wire, clients, Math.max(2000, clients * 200));
            }
            System.out.println("after: " + FsyncBaseline.measure(logs, 500) + "; " + load());
            checkStored(logs, sent);
            if (Boolean.parseBoolean(System.getProperty("bench.growth", "true"))) {
                System.out.println();
                System.out.println("| commands in the execution | mean ms per event, commands 1-10 | mean ms per event, last 10 commands |");
                System.out.println("|---:|---:|---:|");
                for (int commands : new int[] {10, 100, 1000}) {
                    growth(wire, commands);
                }
            }
        }
    }

    private static String load() throws IOException {
        return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** Until the server's JIT has compiled the request path: on a loaded machine that takes thousands of events. */
    private static int warmUp(WireClient wire) throws Exception {
        int sent = runExecution(wire, "c0", "20000101-000000", 300, "", null);
        int events = Integer.getInteger("bench.warmup", 20000);
        return events > 0 ? sent + run(wire, 50, events) : sent;
    }

    /** Each client sends executions of 20 commands until it has sent its share of the events. */
    private static int throughput(BenchServer server, WireClient wire, int clients, int events)
            throws Exception {
        long serverCpu = server.cpuNanos();
        long clientCpu = ownCpuNanos();
        long start = System.nanoTime();
        int total = run(wire, clients, events);
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverMs = (server.cpuNanos() - serverCpu) / 1e6 / total;
        double clientMs = (ownCpuNanos() - clientCpu) / 1e6 / total;
        System.out.printf("| %d | %d | %.2f | %.0f | %.2f | %.2f |%n", clients, total, seconds, total / seconds,
                serverMs, clientMs);
        return total;
    }

    /** Every event sent was written: none was dropped as a repeat of an earlier run's. */
    private static void checkStored(Path logs, long sent) {
        long stored = 0;
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            for (int c = 0; c < 50; c++) {
                ClientRef client = new ClientRef(PROJECT, "c" + c);
                for (String execution : store.executions(client)) {
                    stored += store.read(client.execution(execution)).events().size();
                }
            }
        }
        if (stored != sent) {
            throw new IllegalStateException(sent + " events sent but " + stored + " stored");
        }
    }

    /**
     * {@code clients} threads each sending their share of {@code events}, in executions no earlier run
     * used (a repeated one would be acknowledged without being written); returns the events sent.
     */
    private static int run(WireClient wire, int clients, int events) throws Exception {
        int perClient = events / clients;
        int round = ROUNDS.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String client = "c" + c;
            sent.add(pool.submit(() -> {
                int count = 0;
                for (int run = 0; count < perClient; run++) {
                    count += runExecution(wire, client, String.format("%04d01%02d-%06d", 2100 + round,
                            run % 28 + 1, run), 20, "", null);
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void growth(WireClient wire, int commands) throws Exception {
        long[] nanos = new long[commands];
        runExecution(wire, "long", "20270101-" + String.format("%06d", commands), commands, OUTPUT, nanos);
        double first = Arrays.stream(nanos, 0, 10).average().orElse(0) / 2e6;
        double last = Arrays.stream(nanos, commands - 10, commands).average().orElse(0) / 2e6;
        System.out.printf("| %d | %.2f | %.2f |%n", commands, first, last);
    }

    /** One execution of one task; returns the events sent. {@code nanos[i]} gets command i's two events' time. */
    static int runExecution(WireClient wire, String client, String execution, int commands, String output,
                            long[] nanos) throws Exception {
        wire.send("executionStarts", WireClient.args(PROJECT, client, execution, "snapshot", List.of()));
        wire.send("taskStarts", WireClient.args(PROJECT, client, execution, "task", 1, "description", "build"));
        for (int i = 1; i <= commands; i++) {
            long t0 = System.nanoTime();
            wire.send("commandStarts", WireClient.args(PROJECT, client, execution, "task", 1, "command", i,
                    "commandline", "make step" + i));
            wire.send("commandEnds", WireClient.args(PROJECT, client, execution, "task", 1, "command", i,
                    "output", output, "ok", output.isEmpty(), "info", null, "stats", Map.of("step", i)));
            if (nanos != null) {
                nanos[i - 1] = System.nanoTime() - t0;
            }
        }
        wire.send("taskEnds", WireClient.args(PROJECT, client, execution, "task", 1, "ok", true));
        wire.send("executionEnds", WireClient.args(PROJECT, client, execution, "ok", true));
        return 4 + 2 * commands;
    }
}
