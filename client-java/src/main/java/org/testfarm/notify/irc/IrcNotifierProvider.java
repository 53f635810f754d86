package org.testfarm.notify.irc;

import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.Notifier;
import org.testfarm.notify.NotifierProvider;

/** The {@code irc} channel; its settings are those of {@link IrcSettings}. */
public final class IrcNotifierProvider implements NotifierProvider {

    @Override
    public String name() {
        return "irc";
    }

    @Override
    public Notifier create(ChannelSettings settings) {
        return new IrcNotifier(IrcSettings.from(settings));
    }
}
