package org.testfarm.notify.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.NotifierException;
import org.testfarm.notify.Notifications;
import org.testfarm.notify.TestCertificate;

/** Messages reach a channel of a real IRC server (ngircd), where a second client reads them. */
@Timeout(60)
class IrcNotifierTest {

    @TempDir
    Path dir;
    Ngircd server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    static Map<String, Object> settings(int port) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("channel", "#farm");
        settings.put("address", "localhost");
        settings.put("port", port);
        settings.put("nick", "farmbot");
        settings.put("ident", "farm");
        settings.put("realname", "TestFarm bot");
        settings.put("timeout", 5);
        return settings;
    }

    static IrcNotifier notifier(Map<String, Object> settings) {
        return new IrcNotifier(IrcSettings.from(new ChannelSettings("irc", settings)));
    }

    @Test
    void brokenClientIsAnnouncedInTheChannelWithFailedTasksChangesAndLink() throws Exception {
        server = Ngircd.start(dir, null, null);
        try (IrcWatcher watcher = new IrcWatcher(server.port(), "dev", "#farm")) {
            notifier(settings(server.port())).send(Notifications.broken());

            assertThat(watcher.messages(3)).containsExactly(
                    "farmbot: [TestFarm] RED demo project/linux-debian is broken (execution 20240301-101010):"
                            + " failed unit tests",
                    "farmbot: changes: abc123 by Dev One <dev@example.org>; def456 by Dev Two <two@example.org>",
                    "farmbot: details: https://farm.example.org/demo%20project/details-linux-debian-20240301-101010.html");
        }
    }

    @Test
    void nickInUseGetsAnUnderscoreAndChannelWithoutHashStillWorks() throws Exception {
        server = Ngircd.start(dir, null, null);
        try (IrcWatcher watcher = new IrcWatcher(server.port(), "farmbot", "#farm")) {
            Map<String, Object> settings = settings(server.port());
            settings.put("channel", "farm");
            notifier(settings).send(Notifications.recovered());

            assertThat(watcher.messages(1)).containsExactly(
                    "farmbot_: [TestFarm] GREEN demo project/linux-debian recovered (execution 20240302-101010)");
        }
    }

    @Test
    void tlsConnectionChecksTheCertificateAndDelivers() throws Exception {
        Path key = TestCertificate.get().privateKeyPem();
        server = Ngircd.start(dir, TestCertificate.get().certificate(), key);
        Map<String, Object> settings = settings(server.tlsPort());
        settings.put("tls", "true");
        settings.put("truststore", TestCertificate.get().certificate().toString());
        try (IrcWatcher watcher = new IrcWatcher(server.port(), "dev", "#farm")) {
            notifier(settings).send(Notifications.recovered());

            assertThat(watcher.messages(1)).hasSize(1).allMatch(m -> m.contains("recovered"));
        }
    }

    @Test
    void tlsWithAnUntrustedCertificateIsRefused() throws Exception {
        Path key = TestCertificate.get().privateKeyPem();
        server = Ngircd.start(dir, TestCertificate.get().certificate(), key);
        Map<String, Object> settings = settings(server.tlsPort());
        settings.put("tls", true);

        assertThatThrownBy(() -> notifier(settings).send(Notifications.broken()))
                .isInstanceOf(NotifierException.class)
                .hasMessageContaining("cannot connect to the IRC server localhost:" + server.tlsPort());
    }

    @Test
    void longLinesAreSplitBelowTheLineLimit() {
        String text = "word ".repeat(300).strip();

        List<String> parts = IrcText.split(text, IrcConnection.MAX_TEXT_BYTES);

        assertThat(parts).hasSizeGreaterThan(1)
                .allMatch(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 400);
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }
}
