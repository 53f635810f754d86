package org.testfarm.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third-party channel as a plug-in author would write one, installed for the
 * tests only through {@code src/test/resources/META-INF/services}: it drops each
 * notification into a named letterbox (setting {@code box}) that tests open.
 */
public final class LetterboxNotifierProvider implements NotifierProvider {

    private static final Map<String, List<Notification>> BOXES = new ConcurrentHashMap<>();

    /** What reached the letterbox {@code name} so far. */
    public static List<Notification> box(String name) {
        return BOXES.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    @Override
    public String name() {
        return "letterbox";
    }

    @Override
    public Notifier create(ChannelSettings settings) {
        String name = settings.text("box");
        return new Notifier() {
            @Override
            public void send(Notification notification) {
                box(name).add(notification);
            }

            @Override
            public String describe() {
                return "letterbox " + name;
            }
        };
    }
}
