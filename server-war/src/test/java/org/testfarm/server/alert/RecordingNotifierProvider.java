package org.testfarm.server.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.Notification;
import org.testfarm.notify.Notifier;
import org.testfarm.notify.NotifierProvider;

/**
 * A channel of the tests' own, registered by hand: what it is sent goes to the
 * list it was made with; its one setting {@code box} must be present, as a real
 * channel's would.
 */
final class RecordingNotifierProvider implements NotifierProvider {

    final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Notifier create(ChannelSettings settings) {
        String box = settings.text("box");
        return new Notifier() {
            @Override
            public void send(Notification notification) {
                sent.add(notification);
            }

            @Override
            public String describe() {
                return "recording " + box;
            }
        };
    }
}
