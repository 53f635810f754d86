package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.notify.irc.IrcNotifier;
import org.testfarm.notify.mail.MailNotifier;

class NotifierRegistryTest {

    @Test
    void installedRegistryHoldsMailIrcAndTheThirdPartyChannelOfTheClassPath() {
        assertThat(NotifierRegistry.installed().names()).contains("mail", "irc", "letterbox");
        assertThat(NotifierRegistry.installed()).isSameAs(NotifierRegistry.installed());
    }

    @Test
    void thirdPartyChannelPluggedInThroughServiceLoaderReceivesNotifications() {
        Notifier channel = NotifierRegistry.installed().create("letterbox", Map.of("box", "plug-in"));

        channel.send(Notifications.broken());

        assertThat(LetterboxNotifierProvider.box("plug-in")).containsExactly(Notifications.broken());
    }

    @Test
    void secondProviderWithATakenNameIsRefusedNamingBothClasses() {
        NotifierRegistry registry = new NotifierRegistry().register(new LetterboxNotifierProvider());

        assertThatThrownBy(() -> registry.register(new ImpostorLetterbox()))
                .isInstanceOf(DuplicateNotifierException.class)
                .hasMessageContaining("'letterbox'")
                .hasMessageContaining(LetterboxNotifierProvider.class.getName() + " is registered")
                .hasMessageContaining(ImpostorLetterbox.class.getName() + " is refused");
    }

    /** Another plug-in that wants the letterbox's name. */
    static final class ImpostorLetterbox implements NotifierProvider {
        @Override
        public String name() {
            return "letterbox";
        }

        @Override
        public Notifier create(ChannelSettings settings) {
            throw new UnsupportedOperationException("never registered");
        }
    }

    @Test
    void testsRegisterTheirOwnProvidersInAnEmptyRegistry() {
        NotifierRegistry registry = new NotifierRegistry().register(new LetterboxNotifierProvider());

        assertThat(registry.names()).containsExactly("letterbox");
        assertThatThrownBy(() -> registry.provider("mail"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("no notifier is named 'mail'; known: letterbox");
    }

    @Test
    void flatMetadataKeysConfigureOneChannelPerNameAndUnknownNamesAreReported() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("description", "a project");
        meta.put("notify.policy", "break");
        meta.put("notify.mail.recipients", "dev@example.org");
        meta.put("notify.mail.from_email", "farm@example.org");
        meta.put("notify.irc.address", "irc.example.org");
        meta.put("notify.irc.channel", "#farm");
        meta.put("notify.jabber.room", "farm@conference.example.org");

        List<Notifier> channels = NotifierRegistry.installed().createAll(meta);

        assertThat(channels).hasSize(2);
        assertThat(channels).hasAtLeastOneElementOfType(MailNotifier.class).hasAtLeastOneElementOfType(IrcNotifier.class);
        assertThat(NotifierRegistry.installed().unknownChannels(meta)).containsExactly("jabber");
    }
}
