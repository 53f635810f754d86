package org.testfarm.notify.mail;

import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.Notifier;
import org.testfarm.notify.NotifierProvider;

/** The {@code mail} channel; its settings are those of {@link MailSettings}. */
public final class MailNotifierProvider implements NotifierProvider {

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Notifier create(ChannelSettings settings) {
        return new MailNotifier(MailSettings.from(settings));
    }
}
