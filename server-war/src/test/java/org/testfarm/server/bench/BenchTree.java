package org.testfarm.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;
import org.testfarm.store.LogStore;

/**
 * Writes a large log tree quickly, in the upstream server's format
 * (spec/log-tree.md): metadata, idle, stats, and per execution its {@code .info}
 * and {@code .log}. Every tenth execution fails; executions are two hours apart.
 */
public final class BenchTree {

    private BenchTree() {}

    public static void write(Path root, int projects, int clients, int executions, int commands, LocalDateTime first)
            throws IOException {
        for (int p = 0; p < projects; p++) {
            String project = projects == 1 ? "bench" : "bench" + p;
            Path projectDir = Files.createDirectories(root.resolve(project));
            Files.writeString(projectDir.resolve("metadata"), "{'briefDescription': 'Benchmark farm'}");
            for (int c = 0; c < clients; c++) {
                Path dir = Files.createDirectories(projectDir.resolve("client" + c));
                Files.writeString(dir.resolve("metadata"), "{'briefDescription': 'bench client " + c + "'}");
                Files.writeString(dir.resolve("idle"), "2099-01-01 00:00:00");
                StringBuilder stats = new StringBuilder();
                for (int e = 0; e < executions; e++) {
                    LocalDateTime start = first.plusHours(2L * e).plusMinutes(c);
                    String id = start.format(LogStore.EXECUTION_FORMAT);
                    boolean ok = e % 10 != 9;
                    writeExecution(dir, id, start, ok, commands, e);
                    stats.append(PyLiteral.format(PyTuple.of(id, "tests", (long) (1000 + e)))).append(",\n");
                    stats.append(PyLiteral.format(PyTuple.of(id, "warnings", (long) (e % 17)))).append(",\n");
                    stats.append(PyLiteral.format(PyTuple.of(id, "time", 60.0 + e % 13))).append(",\n");
                }
                Files.writeString(dir.resolve("stats"), stats, StandardCharsets.UTF_8);
            }
        }
    }

    private static void writeExecution(Path dir, String id, LocalDateTime start, boolean ok, int commands, int n)
            throws IOException {
        Map<Object, Object> info = new LinkedHashMap<>();
        info.put("snapshot", List.of(PyTuple.of("repo", "Dev " + (n % 5) + " <dev@example.org>", "rev" + n)));
        info.put("timestamp", id);
        Files.writeString(dir.resolve(id + ".info"), PyLiteral.format(info), StandardCharsets.UTF_8);
        List<Object> events = new ArrayList<>();
        events.add(PyTuple.of("startExecution"));
        int tasks = 4;
        int perTask = commands / tasks;
        for (long t = 1; t <= tasks; t++) {
            events.add(PyTuple.of("startTask", t, "task " + t));
            boolean taskOk = ok || t < tasks;
            for (long c = 1; c <= perTask; c++) {
                boolean commandOk = taskOk || c < perTask;
                events.add(PyTuple.of("startCommand", t, c, "make step-" + t + "-" + c));
                String output = commandOk ? "" : "\u001b[31merror:\u001b[0m step failed\n" + "detail line\n".repeat(20);
                events.add(PyTuple.of("endCommand", t, c, output, commandOk, c == 1 ? "built 12 files" : null,
                        Map.of()));
            }
            events.add(PyTuple.of("endTask", t, taskOk));
        }
        events.add(PyTuple.of("endExecution", ok, start.plusMinutes(40).format(LogStore.EXECUTION_FORMAT)));
        Files.writeString(dir.resolve(id + ".log"), PyLiteral.format(events), StandardCharsets.UTF_8);
    }
}
