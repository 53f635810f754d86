package org.testfarm.server.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;

/**
 * The events of one made-up execution, in the order a client reports them, each
 * with content of its own (so a lost, doubled or damaged event shows): started,
 * tasks of commands, ended.
 */
public final class EventScript {

    private EventScript() {}

    /** Exactly {@code count} (at least 2) events; {@code seed} varies their texts. */
    public static List<ExecutionEvent> events(String seed, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("an execution has at least 2 events");
        }
        Random random = new Random(seed.hashCode());
        List<ExecutionEvent> events = new ArrayList<>(count);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("snapshot", List.of());
        info.put("seed", seed);
        events.add(new ExecutionStarted(info));
        int task = 0;
        while (events.size() < count - 1) {
            task++;
            events.add(new TaskStarted(task, "task " + task + " of " + seed));
            int command = 0;
            // a task needs its end: room for commands is what is left but the task's end and the execution's end
            while (events.size() + 2 <= count - 2 && command < 4) {
                command++;
                events.add(new CommandStarted(task, command, "make -C " + seed + " step" + task + "." + command));
                events.add(new CommandEnded(task, command, output(seed, task, command, random),
                        random.nextInt(5) > 0, random.nextBoolean() ? null : "info é " + task + "/" + command,
                        Map.of()));
            }
            if (events.size() < count - 1) {
                events.add(new TaskEnded(task, random.nextBoolean()));
            }
        }
        events.add(new ExecutionEnded(Boolean.TRUE, null));
        return events;
    }

    private static String output(String seed, int task, int command, Random random) {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            text.append(seed).append(' ').append(task).append('.').append(command).append(" line ").append(i)
                    .append(" \u00e9\u4e2d\u0416 \u001b[31mred\u001b[0m ").append(Long.toHexString(random.nextLong()))
                    .append('\n');
        }
        return text.toString();
    }

    /** Whether a stored event is the sent one: the store stamps an execution's stop time. */
    public static boolean same(ExecutionEvent sent, ExecutionEvent stored) {
        if (sent instanceof ExecutionEnded end && stored instanceof ExecutionEnded kept) {
            return java.util.Objects.equals(end.ok(), kept.ok()) && kept.stopTime() != null;
        }
        return sent.equals(stored);
    }
}
