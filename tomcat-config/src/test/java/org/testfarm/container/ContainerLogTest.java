package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {

    private static final String TOMCAT = """
            26-Nov-2026 04:37:19.910 INFO [main] org.apache.catalina.startup.HostConfig.deployDescriptor Deploying [/x/testfarm.xml]
            26-Nov-2026 04:37:20.214 SEVERE [main] org.apache.catalina.core.StandardContext.listenerStart Exception sending context initialized event
            \tjava.lang.IllegalStateException: TestFarm has no log directory
            \t\tat org.testfarm.server.web.FarmContext.failure(FarmContext.java:115)
            26-Nov-2026 04:37:21.361 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [1640] milliseconds
            """;
    private static final String WILDFLY = """
            2026-11-26 04:41:10,522 ERROR [org.jboss.as.controller.management-operation] (management-handler-thread - 2) WFLYCTL0013: Operation ("deploy") failed
                Caused by: java.lang.IllegalStateException: TestFarm has no log directory
            2026-11-26 04:41:11,000 WARN  [org.jboss.as.txn] (ServerService Thread Pool -- 75) WFLYTX0013: node-identifier
            2026-11-26 04:41:12,000 ERROR [org.jboss.as.server] (main) WFLYSRV0021: Deploy of deployment "other.war" was rolled back
            """;

    @Test
    void tomcatOneLineRecords_keepTheirStackTrace_soAFailureMentioningTestfarmIsFound() {
        List<ContainerLog.Entry> entries = ContainerLog.parse(TOMCAT);
        assertThat(entries).extracting(ContainerLog.Entry::level).containsExactly("INFO", "SEVERE", "INFO");
        assertThat(entries.get(1).isFailure()).isTrue();
        assertThat(entries.get(1).mentions("TestFarm")).isTrue();
        assertThat(entries.get(1).text()).contains("FarmContext.java:115");
    }

    @Test
    void wildflyRecords_errorsAreFailures_warningsAreNot() {
        List<ContainerLog.Entry> entries = ContainerLog.parse(WILDFLY);
        assertThat(entries).extracting(ContainerLog.Entry::level).containsExactly("ERROR", "WARN", "ERROR");
        assertThat(entries).filteredOn(ContainerLog.Entry::isFailure).filteredOn(e -> e.mentions("testfarm"))
                .hasSize(1);
    }

    @Test
    void linesBeforeTheFirstRecord_areIgnored() {
        assertThat(ContainerLog.parse("java.lang.Throwable\n\tat x\n")).isEmpty();
    }

    @Test
    void failuresSinceAMark_seeOnlyWhatWasWrittenAfterIt(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("server.log");
        Files.writeString(log, WILDFLY);
        ContainerLog containerLog = new ContainerLog(dir, name -> name.equals("server.log"));
        ContainerLog.Mark mark = containerLog.mark();
        assertThat(containerLog.failuresSince(mark, "testfarm")).isEmpty();

        Files.writeString(log, TOMCAT, java.nio.file.StandardOpenOption.APPEND);
        assertThat(containerLog.failuresSince(mark, "testfarm")).hasSize(1);
        assertThat(containerLog.failuresSince(ContainerLog.Mark.BEGINNING, "testfarm")).hasSize(2);
    }
}
