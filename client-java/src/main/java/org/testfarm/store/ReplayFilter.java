package org.testfarm.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;

/**
 * Tells a replayed event from a new one, so each is stored once: an event
 * repeated with the same execution, kind, task and command is a replay (a retry
 * after a lost acknowledgement, a spool replayed after an outage).
 *
 * <p>Deployed v1 Python clients number every command of a task 1. Once a command
 * number is reused for another command line, the execution is known to number
 * that way, and its commands are kept in arrival order, a command line run twice
 * included; only an immediate repeat of the last event is then taken for a retry
 * (those clients never replay more than that).
 */
final class ReplayFilter {

    /** The state of one (task, command) number. */
    private static final class Slot {
        String line;
        boolean open;
        CommandEnded lastEnd;
    }

    private boolean started;
    private boolean ended;
    private boolean sharedNumbers;
    private ExecutionEvent last;
    private final Set<Integer> tasksStarted = new HashSet<>();
    private final Set<Integer> tasksEnded = new HashSet<>();
    /** By task and command number, one long each. */
    private final Map<Long, Slot> slots = new HashMap<>();

    /** Records an event and says whether it is new; false means it is stored already. */
    boolean admit(ExecutionEvent event) {
        boolean admitted = decide(event);
        if (admitted) {
            last = event;
        }
        return admitted;
    }

    private boolean decide(ExecutionEvent event) {
        if (event instanceof ExecutionStarted) {
            return !started && (started = true);
        } else if (event instanceof ExecutionEnded) {
            return !ended && (ended = true);
        } else if (event instanceof TaskStarted e) {
            return tasksStarted.add(e.task());
        } else if (event instanceof TaskEnded e) {
            return tasksEnded.add(e.task());
        } else if (event.equals(last)) {
            return false;
        } else if (event instanceof CommandStarted e) {
            return start(slot(e.task(), e.command()), e.commandLine());
        } else if (event instanceof CommandEnded e) {
            return end(slot(e.task(), e.command()), e);
        }
        return true;
    }

    private Slot slot(int task, int command) {
        return slots.computeIfAbsent(((long) task << 32) | (command & 0xffffffffL), k -> new Slot());
    }

    private boolean start(Slot slot, String line) {
        if (slot.line != null && slot.line.equals(line) && (slot.open || !sharedNumbers)) {
            return false;
        }
        if (slot.line != null && !slot.line.equals(line)) {
            sharedNumbers = true;
        }
        slot.line = line;
        slot.open = true;
        return true;
    }

    private boolean end(Slot slot, CommandEnded end) {
        if (!slot.open && end.equals(slot.lastEnd) && !sharedNumbers) {
            return false;
        }
        slot.open = false;
        slot.lastEnd = end;
        return true;
    }
}
