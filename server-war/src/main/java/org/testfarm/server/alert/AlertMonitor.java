package org.testfarm.server.alert;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.notify.Courier;
import org.testfarm.notify.Notification;
import org.testfarm.notify.NotifierRegistry;
import org.testfarm.notify.OutputTail;
import org.testfarm.notify.Standing;
import org.testfarm.notify.Transition;
import org.testfarm.state.ClientState;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;

/**
 * The server's alerts: watches every client of the projects that configure
 * notifications, and tells their channels when a client breaks, recovers or goes
 * missing (as the project's policy says), once per transition.
 *
 * <p>Each client is looked at after its reports (it hears the ingested events as
 * a {@link FarmListener}, and only queues a look) and on a timer, which is what
 * notices silence. What was last seen of a client is kept in the log tree
 * ({@link LogStore#recordNotified}) before anything is sent, so a restart never
 * sends a transition again; a client seen for the first time is only recorded.
 * All looks run on one thread, so they never race.
 */
public final class AlertMonitor implements FarmListener, AutoCloseable {

    /** Servlet context attribute of the running monitor. */
    public static final String ATTRIBUTE = "org.testfarm.alerts";
    /** Context parameter or system property: seconds between looks at every client; 0 turns the timer off. */
    public static final String INTERVAL_SETTING = "testfarm.alerts.interval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class.getName());

    private final LogStore store;
    private final FarmState state;
    private final NotifierRegistry registry;
    private final Courier courier;
    private final ScheduledExecutorService worker;
    private final Set<ClientRef> queued = ConcurrentHashMap.newKeySet();
    private final Map<String, String> settingProblems = new ConcurrentHashMap<>();

    public AlertMonitor(LogStore store, FarmState state, NotifierRegistry registry, Courier courier) {
        this.store = store;
        this.state = state;
        this.registry = registry;
        this.courier = courier;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "testfarm-alerts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A monitor of the installed channels, looking at every client each {@code interval} (none if zero). */
    public static AlertMonitor start(LogStore store, FarmState state, Duration interval) {
        return new AlertMonitor(store, state, NotifierRegistry.installed(), new Courier(Courier.DEFAULT_DEADLINE))
                .every(interval);
    }

    /** The interval a setting asks for, in seconds: the context parameter, else the system property. */
    public static Duration interval(String contextParameter) {
        String text = contextParameter != null ? contextParameter : System.getProperty(INTERVAL_SETTING);
        if (text == null || text.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.strip()) * 1000));
        } catch (NumberFormatException e) {
            LOG.warning(() -> INTERVAL_SETTING + " must be a number of seconds, not '" + text + "'; using "
                    + DEFAULT_INTERVAL.toSeconds());
            return DEFAULT_INTERVAL;
        }
    }

    /** Looks at every client each {@code interval}, from now on; a zero interval sets no timer. */
    public AlertMonitor every(Duration interval) {
        if (!interval.isZero() && !interval.isNegative()) {
            worker.scheduleWithFixedDelay(this::checkAllQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public void clientIdle(ClientRef client, double minutes) {
        later(client);
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        later(execution.clientRef());
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        later(execution.clientRef());
    }

    /** Queues a look at a client; never blocks nor throws (it runs on request threads). */
    private void later(ClientRef client) {
        if (queued.add(client)) {
            try {
                worker.execute(() -> {
                    queued.remove(client);
                    checkQuietly(client);
                });
            } catch (RejectedExecutionException e) {
                queued.remove(client); // closing
            }
        }
    }

    private void checkAllQuietly() {
        try {
            for (String project : store.projects()) {
                if (settings(project).isPresent()) {
                    store.clients(project).forEach(c -> checkQuietly(new ClientRef(project, c)));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the look at every client failed; the next one is in a while", e);
        }
    }

    private void checkQuietly(ClientRef client) {
        try {
            check(client);
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot look at " + client + " for alerts: " + e.getMessage());
        }
    }

    /**
     * Looks at one client now: records how it stands and, when that is a
     * transition the project's policy wants, sends it.
     *
     * @return what was sent, if anything
     */
    public synchronized Optional<Notification> check(ClientRef client) {
        Optional<AlertSettings> settings = settings(client.project());
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        ClientState now = state.client(client);
        Standing after = ClientReport.standing(now, state.now());
        Map<String, Object> saved = store.notified(client);
        if (!saved.isEmpty() && Standing.fromMap(saved).equals(after)) {
            return Optional.empty();
        }
        store.recordNotified(client, after.toMap());
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        Optional<Transition> chosen = settings.get().policy().choose(Transition.between(Standing.fromMap(saved), after));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = ClientReport.notification(now, chosen.get(), settings.get().page(),
                OutputTail.DEFAULT);
        try {
            courier.deliver(notification, settings.get().channels(registry));
        } catch (RuntimeException e) {
            problem(client.project(), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(notification);
    }

    /** The project's alert settings; malformed ones are logged (once until they change) and mean none. */
    private Optional<AlertSettings> settings(String project) {
        try {
            Optional<AlertSettings> settings = AlertSettings.of(store.projectMeta(project), registry);
            settingProblems.remove(project);
            return settings;
        } catch (RuntimeException e) {
            problem(project, e.getMessage());
            return Optional.empty();
        }
    }

    private void problem(String project, String message) {
        if (!message.equals(settingProblems.put(project, message))) {
            LOG.warning(() -> "the notification settings of project " + project + " are wrong, so it sends no"
                    + " alerts: " + message);
        }
    }

    /** Stops the timer and the queued looks, waiting briefly for one in progress. */
    @Override
    public void close() {
        worker.shutdownNow();
        courier.close();
        try {
            worker.awaitTermination(Courier.DEFAULT_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
