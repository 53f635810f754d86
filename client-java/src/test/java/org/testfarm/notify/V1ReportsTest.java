package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.ExecutionRunner;
import org.testfarm.engine.Task;
import org.testfarm.event.ClientRef;
import org.testfarm.notify.irc.IrcNotifier;
import org.testfarm.notify.mail.MailNotifier;

/** A v1 script's config dicts become mail and IRC channels. */
class V1ReportsTest {

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static Map<String, Object> mailReport(int port) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("recipients", List.of("dev@example.org"));
        report.put("server", "localhost");
        report.put("port", port);
        report.put("username", null);
        report.put("password", null);
        report.put("from_email", "farm@example.org");
        report.put("from_name", "TestFarm v1");
        report.put("subject", "TestFarm: build %s");
        return report;
    }

    static Map<String, Object> ircReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("channel", "#testfarm");
        report.put("address", "irc.example.org");
        report.put("port", 6667);
        report.put("nick", "farmbot");
        report.put("ident", "farm");
        report.put("realname", "TestFarm");
        return report;
    }

    @Test
    void configWithBothReportsGivesAMailAndAnIrcListenerReportingEveryExecution() {
        Map<String, Object> config = Map.of("mail_report", mailReport(25), "irc_report", ircReport(),
                "testfarm_page", "http://farm.example.org/");

        List<NotifyingListener> listeners = V1Reports.listeners(config);

        assertThat(listeners).hasSize(2);
        assertThat(listeners.get(0).channels()).singleElement().isInstanceOf(MailNotifier.class)
                .extracting(Notifier::describe).isEqualTo("mail to dev@example.org via localhost:25");
        assertThat(listeners.get(1).channels()).singleElement().isInstanceOf(IrcNotifier.class)
                .extracting(Notifier::describe).isEqualTo("IRC to #testfarm on irc.example.org:6667");
        assertThat(listeners).allMatch(l -> l.policy().equals(V1Reports.DEFAULT_POLICY));
    }

    @Test
    void configWithoutReportsGivesNoListener() {
        assertThat(V1Reports.listeners(Map.of("testfarm_page", "http://farm.example.org"))).isEmpty();
    }

    @Test
    void reportDictMayNameItsPolicy() {
        Map<String, Object> report = mailReport(25);
        report.put("policy", "break, recovery");

        assertThat(V1Reports.listeners(Map.of("mail_report", report)).get(0).policy())
                .isEqualTo(NotifyPolicy.parse("recovery,break"));
    }

    @Test
    void malformedReportSaysWhichSettingIsWrong() {
        Map<String, Object> report = ircReport();
        report.put("port", "six");

        assertThatThrownBy(() -> V1Reports.listeners(Map.of("irc_report", report)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("irc notification setting 'port' must be a whole number, not 'six'");
        assertThatThrownBy(() -> V1Reports.listeners(Map.of("mail_report", "dev@example.org")))
                .hasMessage("config['mail_report'] must be a dict of settings, not String");
    }

    @Test
    void v1MailReportSendsGreenAndRedWithTheSubjectsColourAndALinkToTheDetails() throws Exception {
        Map<String, Object> config = Map.of("mail_report", mailReport(GREENMAIL.getSmtp().getPort()),
                "testfarm_page", "http://farm.example.org/farm");
        NotifyingListener mail = V1Reports.listeners(config).get(0);
        ClientRef client = new ClientRef("v1project", "box");

        new ExecutionRunner(mail).run(client.execution("20240301-000001"), ExecutionPlan.of(Task.ofLines("ok", "true")));
        new ExecutionRunner(mail).run(client.execution("20240301-000002"), ExecutionPlan.of(Task.ofLines("ko", "false")));

        assertThat(GREENMAIL.getReceivedMessages()).extracting(m -> m.getSubject())
                .containsExactly("TestFarm: build GREEN", "TestFarm: build RED");
        assertThat(GreenMailUtil.getBody(GREENMAIL.getReceivedMessages()[1]))
                .contains("http://farm.example.org/farm/v1project/details-box-20240301-000002.html")
                .contains("1. ko");
    }
}
