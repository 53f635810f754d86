package org.testfarm.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Carries a notification to its channels, all at once, and waits for them no
 * longer than a deadline: a channel whose server is unreachable or slow never
 * holds up a run. Each channel that fails is logged once, one line, as a
 * warning of the {@code org.testfarm.notify} logger; a channel still busy at the
 * deadline is logged too and left to finish on its own (daemon) thread.
 */
public final class Courier implements AutoCloseable {

    /** The longest a run waits for its notifications by default. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger("org.testfarm.notify");

    private final Duration deadline;
    /** Daemon threads, gone after a few idle seconds, so a courier nobody closes holds nothing for long. */
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread thread = new Thread(r, "testfarm-notify");
                thread.setDaemon(true);
                return thread;
            });

    public Courier(Duration deadline) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    public Duration deadline() {
        return deadline;
    }

    /** What became of one notification: the channels that took it, and the problems of the others. */
    public record Delivery(List<String> delivered, Map<String, String> failures) {
        public Delivery {
            delivered = List.copyOf(delivered);
            failures = Map.copyOf(failures);
        }
    }

    /** Sends {@code notification} through every channel; returns within the deadline (plus a little). */
    public Delivery deliver(Notification notification, List<Notifier> channels) {
        Map<Notifier, Future<?>> sending = new LinkedHashMap<>();
        for (Notifier channel : channels) {
            sending.put(channel, senders.submit(() -> channel.send(notification)));
        }
        long end = System.nanoTime() + deadline.toNanos();
        List<String> delivered = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        boolean interrupted = false;
        for (Map.Entry<Notifier, Future<?>> entry : sending.entrySet()) {
            String channel = describe(entry.getKey());
            try {
                entry.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(channel);
            } catch (ExecutionException e) {
                failures.put(channel, reason(e.getCause()));
            } catch (TimeoutException e) {
                failures.put(channel, "no answer within " + deadline.toSeconds()
                        + " s; it goes on in the background");
            } catch (InterruptedException e) {
                interrupted = true;
                failures.put(channel, "interrupted");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        failures.forEach((channel, reason) -> LOG.warning(() -> "TestFarm could not notify by " + channel
                + " about " + notification.headline() + ": " + reason));
        return new Delivery(delivered, failures);
    }

    /** Stops the channels still sending (a web application's undeploy, say). */
    @Override
    public void close() {
        senders.shutdownNow();
    }

    private static String describe(Notifier channel) {
        try {
            return channel.describe();
        } catch (RuntimeException e) {
            return channel.getClass().getName();
        }
    }

    /** One line: the exception's message, and its cause's when that says more. */
    static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
