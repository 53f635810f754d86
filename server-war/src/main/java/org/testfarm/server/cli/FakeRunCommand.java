package org.testfarm.server.cli;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.testfarm.event.ExecutionRef;
import org.testfarm.store.LogStore;
import org.testfarm.store.Names;

/**
 * {@code fakerun LOGS PROJECT CLIENT}: writes an execution as if the client had
 * reported it, to try pages and notifications without a real client.
 */
@Command(name = "fakerun", description = "Record a made-up execution of a client, as if it had reported it.")
final class FakeRunCommand implements Callable<Integer> {

    @Mixin
    LogsOption logs;

    @Parameters(index = "1", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "2", paramLabel = "CLIENT")
    String client;

    @Option(names = "--ntasks", defaultValue = "2", description = "Tasks in the execution (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--ncommands", defaultValue = "3", description = "Commands per task (default: ${DEFAULT-VALUE}).")
    int commands;

    @Option(names = "--fail", arity = "2", paramLabel = "T C", description = "Command C of task T fails.")
    List<Integer> fail = new ArrayList<>();

    @Option(names = "--interrupt", arity = "2", paramLabel = "T C",
            description = "The client goes silent while running command C of task T.")
    List<Integer> interrupt = new ArrayList<>();

    @Option(names = "--stats", arity = "4", paramLabel = "T C KEY VALUE",
            description = "Command C of task T reports the stat KEY = VALUE.")
    List<String> stats = new ArrayList<>();

    @Option(names = "--info", arity = "3", paramLabel = "T C TEXT", description = "Command C of task T reports TEXT.")
    List<String> info = new ArrayList<>();

    @Option(names = "--execution", description = "The execution id (default: now, YYYYmmdd-HHMMSS).")
    String execution;

    @Option(names = "--idle", defaultValue = "60", description = "Minutes the client then promises to be idle.")
    double idleMinutes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (tasks < 1 || commands < 1) {
            throw new IllegalArgumentException("--ntasks and --ncommands must be at least 1");
        }
        Set<String> failing = pairs(fail);
        Set<String> interrupted = pairs(interrupt);
        Map<String, Map<String, Number>> statsOf = new HashMap<>();
        for (int i = 0; i + 3 < stats.size(); i += 4) {
            statsOf.computeIfAbsent(stats.get(i) + " " + stats.get(i + 1), k -> new LinkedHashMap<>())
                    .put(stats.get(i + 2), number(stats.get(i + 3)));
        }
        Map<String, String> infoOf = new HashMap<>();
        for (int i = 0; i + 2 < info.size(); i += 3) {
            infoOf.put(info.get(i) + " " + info.get(i + 1), info.get(i + 2));
        }
        try (LogStore store = logs.open()) {
            String id = execution != null ? execution
                    : LocalDateTime.now(store.clock()).format(LogStore.EXECUTION_FORMAT);
            Names.check("execution", id); // before anything is recorded: a bad id changes nothing
            ExecutionRef ref = new ExecutionRef(project, client, id);
            store.clientIdle(ref.clientRef(), 0);
            store.executionStarted(ref, Map.of("timestamp", id, "snapshot", List.of()));
            boolean allOk = true;
            for (int t = 1; t <= tasks; t++) {
                store.taskStarted(ref, t, "Task " + t);
                boolean taskOk = true;
                for (int c = 1; c <= commands; c++) {
                    String key = t + " " + c;
                    store.commandStarted(ref, t, c, "fake command " + t + "." + c);
                    if (interrupted.contains(key)) {
                        spec.commandLine().getOut().println("Recorded " + ref + ", left running at task " + t
                                + " command " + c);
                        return 0;
                    }
                    boolean ok = !failing.contains(key);
                    store.commandEnded(ref, t, c, ok ? "" : "fake failure of command " + t + "." + c + "\n", ok,
                            infoOf.get(key), statsOf.getOrDefault(key, Map.of()));
                    if (!ok) {
                        taskOk = false;
                        break;
                    }
                }
                store.taskEnded(ref, t, taskOk);
                allOk &= taskOk;
            }
            store.executionEnded(ref, allOk);
            store.clientIdle(ref.clientRef(), idleMinutes);
            spec.commandLine().getOut().println("Recorded " + ref + (allOk ? ", green" : ", red"));
        }
        return 0;
    }

    private static Set<String> pairs(List<Integer> values) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < values.size(); i += 2) {
            out.add(values.get(i) + " " + values.get(i + 1));
        }
        return out;
    }

    private static Number number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException again) {
                throw new IllegalArgumentException("--stats value '" + text + "' is not a number");
            }
        }
    }
}
