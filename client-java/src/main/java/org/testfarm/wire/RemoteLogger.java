package org.testfarm.wire;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.testfarm.TestFarmException;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.spool.Spool;

/**
 * Reports events to a TestFarm server over the v2 wire protocol, as deployed
 * clients do: {@code POST <base>/<method>}, multipart/form-data, one Python 2
 * literal per argument. The base is {@code http://host/prefix/testfarmservice} or
 * {@code http://host/prefix/}.
 *
 * <p>When the server cannot be reached, or answers 5xx (503, 507, ...), events go
 * to a durable spool, one file per client under the spool directory, and are
 * replayed in order, before any new event, with an exponential back-off (from
 * one second to five minutes by default) by a background thread and at each
 * {@link #flush()}. The server stores a replayed event once. 401 (key missing,
 * wrong or rotated) and 429 (too many reports, after its Retry-After) are
 * retried the same way, so no report is lost while the admin fixes the key.
 * Any other 4xx answer means the report itself is wrong: it is reported as a warning, with the server's
 * answer, and dropped.
 *
 * <p>Thread-safe. {@link #close()} waits for the reports under way on other
 * threads (each is then sent or on disk in the spool), refuses any later one
 * with an {@link IllegalStateException} "logger closed", tries the spool once
 * more and closes it; what remains is replayed by the next logger on the same
 * spool directory.
 */
public final class RemoteLogger implements FarmListener, Flushable, Closeable {

    private final URI base;
    private final Path spoolDirectory;
    private final WireEncoder encoder = new WireEncoder();
    private final Map<ClientRef, Outbox> outboxes = new ConcurrentHashMap<>();
    private final Object wake = new Object();
    /** Held shared by each report until it is sent or spooled, and exclusively by close() to shut the door. */
    private final ReadWriteLock door = new ReentrantReadWriteLock();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(20);
    private Duration firstBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Consumer<String> warnings = warning -> System.err.println("[TestFarm] " + warning);
    private Function<ClientRef, ClientKey> keys = client -> null;
    private volatile WirePost post;
    private Thread replayer;
    private volatile boolean closed;

    public RemoteLogger(URI base, Path spoolDirectory) {
        String scheme = Objects.requireNonNull(base, "base").getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new TestFarmException("the server URL must start with http:// or https://, not '" + base + "'");
        }
        this.base = base;
        this.spoolDirectory = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
    }

    public RemoteLogger(String base, Path spoolDirectory) {
        this(URI.create(base), spoolDirectory);
    }

    /** How long to wait to connect, and for an answer (defaults: 10 s, 20 s). */
    public RemoteLogger timeouts(Duration connect, Duration answer) {
        this.connectTimeout = Objects.requireNonNull(connect, "connect");
        this.timeout = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /** The wait before the first retry, doubled after each failure up to {@code max}. */
    public RemoteLogger backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off must be positive and at most its cap: " + first + ", " + max);
        }
        this.firstBackoff = first;
        this.maxBackoff = max;
        return this;
    }

    /**
     * Signs every report with {@code key} (see {@link RequestSignature}); the key
     * id is each report's own project and client. Without a key, reports go
     * unsigned, which the server takes only from clients it lets report unsigned.
     */
    public RemoteLogger key(ClientKey key) {
        Objects.requireNonNull(key, "key");
        return keys(client -> key);
    }

    /** Signs each client's reports with the key {@code keys} gives it; null sends them unsigned. */
    public synchronized RemoteLogger keys(Function<ClientRef, ClientKey> keys) {
        if (post != null) {
            throw new IllegalStateException("set the keys before the first report");
        }
        this.keys = Objects.requireNonNull(keys, "keys");
        return this;
    }

    /** Where warnings go (server unreachable, report refused); stderr by default. */
    public RemoteLogger warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    public URI base() {
        return base;
    }

    /** The reports waiting in {@code client}'s spool. */
    public int waiting(ClientRef client) {
        Outbox box = outboxes.get(client);
        return box == null ? 0 : box.waiting();
    }

    @Override
    public void clientIdle(ClientRef client, double minutes) {
        deliver(client, encoder.clientIdle(client, minutes));
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        event(execution, new ExecutionEvent.ExecutionStarted(info));
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        event(execution, new ExecutionEvent.TaskStarted(task, description));
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        event(execution, new ExecutionEvent.CommandStarted(task, command, commandLine));
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok, String info,
                             Map<String, Number> stats) {
        event(execution, new ExecutionEvent.CommandEnded(task, command, output, ok, info, stats));
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        event(execution, new ExecutionEvent.TaskEnded(task, ok));
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        event(execution, new ExecutionEvent.ExecutionEnded(ok, null));
    }

    private void event(ExecutionRef execution, ExecutionEvent event) {
        deliver(execution.clientRef(), encoder.event(execution, event));
    }

    private void deliver(ClientRef client, WireRequest request) {
        Lock reporting = door.readLock();
        reporting.lock();
        try {
            if (closed) {
                throw new IllegalStateException("logger closed: the remote logger to " + base
                        + " takes no more reports");
            }
            Outbox box = outbox(client);
            box.deliver(request);
            if (!box.isEmpty()) {
                startReplayer();
            }
        } finally {
            reporting.unlock();
        }
    }

    private Outbox outbox(ClientRef client) {
        return outboxes.computeIfAbsent(client, c -> {
            Path file = spoolDirectory.resolve(fileName(c.project())).resolve(fileName(c.client()) + ".spool");
            try {
                return new Outbox(c, Spool.open(file), post(), warnings, firstBackoff, maxBackoff);
            } catch (IOException e) {
                throw new TestFarmException("cannot open the spool " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static String fileName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private WirePost post() {
        if (post == null) {
            post = new WirePost(base, connectTimeout, timeout, keys);
        }
        return post;
    }

    private synchronized void startReplayer() {
        if (replayer == null && !closed) {
            replayer = new Thread(this::replayLoop, "testfarm-spool " + base);
            replayer.setDaemon(true);
            replayer.start();
        }
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void replayLoop() {
        while (!closed) {
            long wait = TimeUnit.SECONDS.toNanos(60);
            for (Outbox box : List.copyOf(outboxes.values())) {
                long due = box.replay(false);
                if (due > 0) {
                    wait = Math.min(wait, due);
                }
            }
            synchronized (wake) {
                try {
                    if (!closed) {
                        TimeUnit.NANOSECONDS.timedWait(wake, Math.max(wait, TimeUnit.MILLISECONDS.toNanos(10)));
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Tries to send what waits in the spools now, once, whatever the back-off. */
    @Override
    public void flush() {
        for (Outbox box : List.copyOf(outboxes.values())) {
            box.replay(true);
        }
    }

    /**
     * Waits for the reports under way (each ends sent or spooled), refuses later
     * ones, tries the spools once more, stops the replaying thread and closes the
     * spools. Closing again does nothing.
     */
    @Override
    public void close() {
        Lock closing = door.writeLock();
        closing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.unlock();
        }
        flush();
        Thread thread;
        synchronized (this) {
            thread = replayer;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        outboxes.values().forEach(Outbox::close);
    }
}
