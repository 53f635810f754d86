package org.testfarm.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;

/**
 * An execution as pages and feeds show it, derived from its events as
 * spec/log-tree.md says: running until it ends; tasks in task-number order with
 * their commands; a finished execution is ok only if its end said ok and no task
 * failed.
 */
public final class ExecutionState {

    private final ExecutionLog log;
    private final List<TaskState> tasks;
    private final Outcome outcome;
    private final String stopTime;

    private ExecutionState(ExecutionLog log, List<TaskState> tasks, Outcome outcome, String stopTime) {
        this.log = log;
        this.tasks = List.copyOf(tasks);
        this.outcome = outcome;
        this.stopTime = stopTime;
    }

    public static ExecutionState of(ExecutionLog log) {
        TreeMap<Integer, String> descriptions = new TreeMap<>();
        TreeMap<Integer, Boolean> taskOk = new TreeMap<>();
        // in arrival order per task: deployed v1 clients number every command of a task 1
        TreeMap<Integer, List<CommandState>> commands = new TreeMap<>();
        ExecutionEnded end = null;
        for (ExecutionEvent event : log.events()) {
            if (event instanceof TaskStarted e) {
                descriptions.put(e.task(), e.description());
            } else if (event instanceof CommandStarted e) {
                commands.computeIfAbsent(e.task(), t -> new ArrayList<>())
                        .add(new CommandState(e.task(), e.command(), e.commandLine(), null, "", null, Map.of()));
            } else if (event instanceof CommandEnded e) {
                List<CommandState> ofTask = commands.computeIfAbsent(e.task(), t -> new ArrayList<>());
                int index = lastRunning(ofTask, e.command());
                String line = index < 0 ? "" : ofTask.get(index).commandLine();
                CommandState ended = new CommandState(e.task(), e.command(), line, e.ok(), e.output(), e.info(),
                        e.stats());
                if (index < 0) {
                    ofTask.add(ended);
                } else {
                    ofTask.set(index, ended);
                }
            } else if (event instanceof TaskEnded e) {
                taskOk.put(e.task(), e.ok());
            } else if (event instanceof ExecutionEnded e) {
                end = e;
            }
        }
        // plain loops: this runs for every execution read, and the static generator's C1 makes each lambda
        // and stream stage a call of its own
        TreeMap<Integer, String> numbers = new TreeMap<>(descriptions);
        for (Integer n : commands.keySet()) {
            numbers.putIfAbsent(n, "");
        }
        for (Integer n : taskOk.keySet()) {
            numbers.putIfAbsent(n, "");
        }
        List<TaskState> tasks = new ArrayList<>(numbers.size());
        boolean anyFailed = false;
        for (Map.Entry<Integer, String> task : numbers.entrySet()) {
            Integer n = task.getKey();
            TaskState state = new TaskState(n, task.getValue(), commands.getOrDefault(n, List.of()), taskOk.get(n));
            tasks.add(state);
            anyFailed |= state.failed();
        }
        Outcome outcome;
        if (end == null) {
            outcome = Outcome.RUNNING;
        } else if (end.ok() == null) {
            outcome = Outcome.ABORTED;
        } else {
            outcome = end.ok() && !anyFailed ? Outcome.OK : Outcome.FAILED;
        }
        return new ExecutionState(log, tasks, outcome, end == null ? null : end.stopTime());
    }

    private static int lastRunning(List<CommandState> commands, int number) {
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (commands.get(i).number() == number && commands.get(i).running()) {
                return i;
            }
        }
        return -1;
    }

    /** The same execution seen as lost: its client went silent before it ended. */
    ExecutionState lost() {
        return outcome == Outcome.RUNNING ? new ExecutionState(log, tasks, Outcome.LOST, null) : this;
    }

    public ExecutionRef ref() {
        return log.ref();
    }

    public String id() {
        return log.ref().execution();
    }

    public Map<String, Object> info() {
        return log.info();
    }

    public List<TaskState> tasks() {
        return tasks;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean running() {
        return outcome == Outcome.RUNNING;
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public List<TaskState> failedTasks() {
        List<TaskState> failed = new ArrayList<>();
        for (TaskState task : tasks) {
            if (task.failed()) {
                failed.add(task);
            }
        }
        return List.copyOf(failed);
    }

    /** The last task of a running execution. */
    public Optional<TaskState> currentTask() {
        return running() && !tasks.isEmpty() ? Optional.of(tasks.get(tasks.size() - 1)) : Optional.empty();
    }

    /** When it started, read from its id ({@code YYYYmmdd-HHMMSS}) when it is one. */
    public Optional<LocalDateTime> startTime() {
        return parseTime(id());
    }

    /** When the server stamped its end. */
    public Optional<LocalDateTime> stopTime() {
        return stopTime == null ? Optional.empty() : parseTime(stopTime);
    }

    public ExecutionLog log() {
        return log;
    }

    /** When anything of it was last stored. */
    public Instant lastActivity() {
        return log.lastActivity();
    }

    /**
     * The changes that triggered it: the {@code (repository, author, revision)} tuples
     * of its {@code snapshot} and {@code changelog} infos, each once, with the messages
     * its commands' info blocks give for them.
     */
    public List<Change> changes() {
        return ChangeList.of(log.info(), tasks);
    }

    static Optional<LocalDateTime> parseTime(String id) {
        if (id.length() == 15 && id.charAt(8) == '-') {
            // the usual yyyyMMdd-HHmmss read digit by digit; anything odd goes through the formatter
            int date = Digits.of(id, 0, 8);
            int time = Digits.of(id, 9, 15);
            if (date >= 10000 && time >= 0) { // years from 1: the formatter reads years of the era
                try {
                    return Optional.of(LocalDateTime.of(date / 10000, date / 100 % 100, date % 100,
                            time / 10000, time / 100 % 100, time % 100));
                } catch (java.time.DateTimeException e) {
                    // e.g. the 31st of a short month, which the formatter resolves its own way
                }
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(id, LogStore.EXECUTION_FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
