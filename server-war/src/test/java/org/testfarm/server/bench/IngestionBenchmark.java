package org.testfarm.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.store.LogStore;

/**
 * Ingestion over HTTP against the real WAR run with {@code java -jar}: durable
 * events per second with 1, 10 and 50 concurrent clients, and the cost of an
 * event as an execution grows to 10, 100 and 1,000 commands with 2 KB outputs.
 *
 * <p>Run: {@code mvn -B -Pbench -pl server-war -am verify -DskipTests}
 * (or {@code java -cp <test classpath> org.testfarm.server.bench.IngestionBenchmark server-war/target/testfarm.war}).
 */
public final class IngestionBenchmark {

    static final String PROJECT = "bench";
    static final String OUTPUT = "x".repeat(2047) + "\n";

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args.length > 0 ? args[0] : "server-war/target/testfarm.war");
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
        try (BenchServer server = new BenchServer(war, logs, "-D" + RateLimits.PER_SECOND_SETTING + "=0")) {
            System.setProperty("http.maxConnections", "64");
            WireClient wire = new WireClient(server.url());
            warmUp(wire);
            System.out.println("| concurrent clients | events | seconds | durable events/s |");
            System.out.println("|---:|---:|---:|---:|");
            for (int clients : new int[] {1, 10, 50}) {
                throughput(wire, clients, Math.max(2000, clients * 200));
            }
            System.out.println();
            System.out.println("| commands in the execution | mean ms per event, commands 1-10 | mean ms per event, last 10 commands |");
            System.out.println("|---:|---:|---:|");
            for (int commands : new int[] {10, 100, 1000}) {
                growth(wire, commands);
            }
        }
    }

    private static void warmUp(WireClient wire) throws Exception {
        runExecution(wire, "c0", "20000101-000000", 300, "", null);
    }

    /** Each client sends executions of 20 commands until it has sent its share of the events. */
    private static void throughput(WireClient wire, int clients, int events) throws Exception {
        int perClient = events / clients;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String client = "c" + c;
            int round = clients;
            sent.add(pool.submit(() -> {
                int count = 0;
                for (int run = 0; count < perClient; run++) {
                    count += runExecution(wire, client, String.format("2026%02d%02d-%06d", round, run % 28 + 1, run),
                            20, "", null);
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("| %d | %d | %.2f | %.0f |%n", clients, total, seconds, total / seconds);
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
