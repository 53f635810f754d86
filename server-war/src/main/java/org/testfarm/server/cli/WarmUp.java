package org.testfarm.server.cli;

import java.util.Set;

import org.testfarm.server.feed.StatsData;
import org.testfarm.server.feed.SummaryFeed;
import org.testfarm.server.markup.Sanitizer;
import org.testfarm.server.template.Templates;

/**
 * What the first pages of a generation would otherwise wait for, done on a spare core
 * while the JVM is still reading the command line and opening the log tree: the
 * template engine with every template parsed, and the JSON and HTML libraries' own
 * start-up. A one-off {@code generate} spends most of its first second on one core;
 * this is where the other one helps.
 */
final class WarmUp {

    /** The commands that render pages. */
    private static final Set<String> RENDERING = Set.of("generate", "serve", "demo");

    private WarmUp() {}

    /** Starts warming up for the command these arguments name, if it renders pages; the thread, or null. */
    static Thread start(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!RENDERING.contains(command)) {
            return null;
        }
        Thread thread = new Thread(WarmUp::run, "testfarm-warm-up");
        thread.setDaemon(true); // never keeps a finished command waiting
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    private static void run() {
        try {
            Templates.shared().parseSite();
            // their static set-up (Jackson's mappers, the sanitizer's policy) runs once, here
            for (Class<?> type : new Class<?>[] {StatsData.class, SummaryFeed.class, Sanitizer.class}) {
                Class.forName(type.getName(), true, type.getClassLoader());
            }
        } catch (RuntimeException | LinkageError | ClassNotFoundException e) {
            // nothing is lost: the command meets the same problem where it can report it
        }
    }
}
