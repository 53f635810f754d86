package org.testfarm.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Notifies from a client's own events: follows each execution, and when it ends
 * asks the {@link NotifyPolicy} whether the outcome, compared with the client's
 * previous one, deserves a message; if so sends a {@link Notification} through
 * every channel. An aborted execution decides nothing and sends nothing.
 *
 * <pre>{@code
 * FarmListener mail = new NotifyingListener(NotifyPolicy.parse("break, recovery"),
 *         List.of(NotifierRegistry.installed().create("mail", Map.of("server", "smtp.example.org", ...))))
 *         .detailsPage(DetailsPage.of("https://farm.example.org"));
 * }</pre>
 *
 * <p>Sending never breaks nor stalls a run: failures are logged (one line per
 * channel and execution) and the run waits at most the {@link Courier}'s
 * deadline. The previous outcome is remembered per client for the life of the
 * listener. Thread-safe.
 */
public final class NotifyingListener implements FarmListener {

    private final NotifyPolicy policy;
    private final List<Notifier> channels;
    private final Map<ExecutionRef, ExecutionDigest> running = new ConcurrentHashMap<>();
    private final Map<ClientRef, Standing> standings = new ConcurrentHashMap<>();
    private volatile Optional<DetailsPage> page = Optional.empty();
    private volatile Courier courier = new Courier(Courier.DEFAULT_DEADLINE);
    private volatile OutputTail tail = OutputTail.DEFAULT;

    public NotifyingListener(NotifyPolicy policy, List<Notifier> channels) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.channels = List.copyOf(channels);
    }

    /** Where the links in messages point: the farm's web site. */
    public NotifyingListener detailsPage(DetailsPage page) {
        this.page = Optional.of(page);
        return this;
    }

    /** The longest an execution's end waits for the channels; 15 s by default. */
    public NotifyingListener deadline(Duration deadline) {
        Courier old = courier;
        courier = new Courier(deadline);
        old.close();
        return this;
    }

    /** How much of a failed command's output a message carries. */
    public NotifyingListener outputTail(OutputTail tail) {
        this.tail = Objects.requireNonNull(tail, "tail");
        return this;
    }

    public NotifyPolicy policy() {
        return policy;
    }

    public List<Notifier> channels() {
        return channels;
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        running.put(execution, new ExecutionDigest(Commit.fromInfo(info), tail));
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        digest(execution).taskStarted(task, description);
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        digest(execution).commandStarted(task, command, commandLine);
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        digest(execution).commandEnded(task, command, output, ok);
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        digest(execution).taskEnded(task, ok);
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        ExecutionDigest digest = running.remove(execution);
        if (ok == null) {
            return;
        }
        if (digest == null) {
            digest = new ExecutionDigest(List.of(), tail);
        }
        List<FailedTask> failed = digest.failedTasks();
        Standing after = Standing.after(execution.execution(), ok && failed.isEmpty());
        Standing before = standings.put(execution.clientRef(), after);
        Optional<Transition> chosen = policy.choose(Transition.between(before, after));
        if (chosen.isEmpty() || channels.isEmpty()) {
            return;
        }
        Notification notification = new Notification(execution.clientRef(), Optional.of(execution.execution()),
                chosen.get(), after.status(), failed, digest.commits(), page.map(p -> p.details(execution)));
        courier.deliver(notification, channels);
    }

    private ExecutionDigest digest(ExecutionRef execution) {
        return running.computeIfAbsent(execution, e -> new ExecutionDigest(List.of(), tail));
    }
}
