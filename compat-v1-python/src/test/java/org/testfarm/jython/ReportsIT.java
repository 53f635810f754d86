package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A v1 script's config['mail_report'] sends the report through the mail channel, to a real SMTP server. */
@Timeout(300)
class ReportsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP.createCopy("localhost")}));

    @TempDir
    Path temp;

    @Test
    void aMailReportInTheConfigOfAV1ScriptMailsTheRedExecution() throws Exception {
        int port = SMTP.getSmtp().getPort();
        Path script = temp.resolve("reporting.py");
        Files.writeString(script, String.join("\n",
                "from testfarm import *",
                "class mail_report:",
                "    recipients = 'dev@example.org'",
                "    server = 'localhost'",
                "    port = " + port,
                "    from_email = 'farm@example.org'",
                "    from_name = 'The Farm'",
                "    subject = 'Conformance build is %s'",
                "config = {'mail_report': mail_report, 'testfarm_page': 'http://farm.example.org/testfarm'}",
                "t = Task(Project('Conformance'), Client('mailer'), 'mail')",
                "t.add_subtask('breaks', ['echo about to fail; exit 1'])",
                "Runner(t, config=config)",
                ""));
        ScriptRun run = new V1Launcher(temp.resolve("home")).run(script);
        assertThat(run.exitCode()).as(run.stderr()).isZero();

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).startsWith("Conformance build is ").containsIgnoringCase("red");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("dev@example.org");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[0]))
                .contains("mailer", "details-mailer-");
    }
}
