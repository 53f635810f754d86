package org.testfarm.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.NotifierException;
import org.testfarm.notify.Notifications;
import org.testfarm.notify.TestCertificate;

/** Mail reaches a real SMTP server (GreenMail): plain, STARTTLS with auth, SSL with auth. */
class MailNotifierTest {

    static final String USER = "farm";
    static final String SECRET = "s3cret";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = greenMail();

    /** Plain SMTP and SMTPS, both serving the test certificate, with one user. */
    static GreenMailExtension greenMail() {
        System.setProperty("greenmail.tls.keystore.file", TestCertificate.get().keyStore().toString());
        System.setProperty("greenmail.tls.keystore.password", TestCertificate.PASSWORD);
        System.setProperty("greenmail.tls.key.password", TestCertificate.PASSWORD);
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
            ServerSetupTest.SMTP.createCopy("localhost"), ServerSetupTest.SMTPS.createCopy("localhost")});
        for (ServerSetup setup : setups) {
            setup.setServerStartupTimeout(15_000); // its 2 s default ran out on a loaded build machine
        }
        return new GreenMailExtension(setups)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("farm@example.org", USER, SECRET));
    }

    static Map<String, Object> settings(int port) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("recipients", List.of("dev@example.org", "lead@example.org"));
        settings.put("server", "localhost");
        settings.put("port", port);
        settings.put("from_email", "farm@example.org");
        settings.put("from_name", "The Farm");
        settings.put("subject", "[demo] build is %s");
        settings.put("timeout", 5);
        return settings;
    }

    static MailNotifier notifier(Map<String, Object> settings) {
        return new MailNotifier(MailSettings.from(new ChannelSettings("mail", settings)));
    }

    @Test
    void brokenClientSendsOneMailToEveryRecipientWithColourInSubjectAndDetailsInBody() throws Exception {
        notifier(settings(GREENMAIL.getSmtp().getPort())).send(Notifications.broken());

        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(2); // one delivery per recipient
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[demo] build is RED");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("farm@example.org");
        assertThat(from.getPersonal()).isEqualTo("The Farm");
        assertThat(mail.getAllRecipients()).extracting(Object::toString)
                .containsExactly("dev@example.org", "lead@example.org");
        String body = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
        assertThat(body)
                .startsWith("demo project/linux-debian is broken (execution 20240301-101010)\n")
                .contains("Details: https://farm.example.org/demo%20project/details-linux-debian-20240301-101010.html")
                .contains("  2. unit tests\n    $ make check\n    | test_parser.c:12: expected 3, got 4\n    | FAIL: test_parser")
                .contains("Changes:\n  - abc123 by Dev One <dev@example.org> (src)\n  - def456 by Dev Two <two@example.org> (src)")
                .contains("TestFarm: demo project / linux-debian");
        assertThat(mail.getHeader("X-TestFarm-Colour")).containsExactly("red");
    }

    @Test
    void subjectWithoutConfigurationNamesColourAndWhatHappened() throws Exception {
        Map<String, Object> settings = settings(GREENMAIL.getSmtp().getPort());
        settings.remove("subject");
        notifier(settings).send(Notifications.recovered());

        assertThat(GREENMAIL.getReceivedMessages()[0].getSubject())
                .isEqualTo("[TestFarm] GREEN: demo project/linux-debian recovered (execution 20240302-101010)");
    }

    @Test
    void startTlsWithAuthenticationChecksTheCertificateAndDelivers() throws Exception {
        try (StartTlsFront front = new StartTlsFront(GREENMAIL.getSmtp().getPort())) {
            Map<String, Object> settings = settings(front.port());
            settings.put("security", "starttls");
            settings.put("username", USER);
            settings.put("password", SECRET);
            settings.put("truststore", TestCertificate.get().certificate().toString());

            notifier(settings).send(Notifications.broken());

            assertThat(front.upgradedSessions()).isEqualTo(1);
            assertThat(GREENMAIL.getReceivedMessages()).hasSize(2);
        }
    }

    @Test
    void startTlsWithWrongPasswordIsRefusedByTheServer() throws Exception {
        try (StartTlsFront front = new StartTlsFront(GREENMAIL.getSmtp().getPort())) {
            Map<String, Object> settings = settings(front.port());
            settings.put("security", "starttls");
            settings.put("username", USER);
            settings.put("password", "wrong");
            settings.put("truststore", TestCertificate.get().certificate().toString());

            assertThatThrownBy(() -> notifier(settings).send(Notifications.broken()))
                    .isInstanceOf(NotifierException.class)
                    .hasMessageContaining("localhost:" + front.port());
            assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void startTlsWithoutTrustingTheServerCertificateSendsNothing() throws Exception {
        try (StartTlsFront front = new StartTlsFront(GREENMAIL.getSmtp().getPort())) {
            Map<String, Object> settings = settings(front.port());
            settings.put("security", "starttls");
            settings.put("username", USER);
            settings.put("password", SECRET);

            assertThatThrownBy(() -> notifier(settings).send(Notifications.broken()))
                    .isInstanceOf(NotifierException.class);
            assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void startTlsRequiredButNotOfferedSendsNothing() {
        Map<String, Object> settings = settings(GREENMAIL.getSmtp().getPort());
        settings.put("security", "starttls");
        settings.put("truststore", TestCertificate.get().certificate().toString());

        assertThatThrownBy(() -> notifier(settings).send(Notifications.broken()))
                .isInstanceOf(NotifierException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void sslWithAuthenticationDelivers() throws Exception {
        Map<String, Object> settings = settings(GREENMAIL.getSmtps().getPort());
        settings.put("security", "ssl");
        settings.put("username", USER);
        settings.put("password", SECRET);
        settings.put("truststore", TestCertificate.get().certificate().toString());

        notifier(settings).send(Notifications.broken());

        assertThat(GREENMAIL.getReceivedMessages()).hasSize(2);
    }
}
