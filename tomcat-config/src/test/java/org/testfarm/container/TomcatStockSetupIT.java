package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tomcat 10.1 as it comes, before the admin follows the README to the end: the
 * stock HTTP connector (maxPostSize 2 MiB), the WAR at /testfarm with its log
 * directory, and a second copy at /unconfigured whose descriptor lost the log
 * directory. Shows why the connector limits in conf/server-connector.xml matter and
 * what a missing log directory looks like.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatStockSetupIT {

    private static final int STOCK_MAX_POST_SIZE = 2 * 1024 * 1024;
    private static final CapturedRun RUN = CapturedRun.load("upstream-run-basic");

    private TomcatServer.Running tomcat;

    @BeforeAll
    void start() {
        BuildPaths.requireNoLogPathInEnvironment();
        Path work = BuildPaths.workDirectory(getClass().getSimpleName());
        Path logs = AdminCli.registeredLogDirectory(work, RUN.project(), RUN.client());
        tomcat = new TomcatServer(TomcatServer.Version.TOMCAT_10_1, work)
                .descriptor("testfarm", TomcatFiles.descriptorWithLogPath(logs))
                .webapp("testfarm", BuildPaths.war())
                .descriptor("unconfigured", TomcatFiles.descriptorWithoutLogPath())
                .webapp("unconfigured", BuildPaths.war())
                .start();
        System.out.printf("[timing] %s (stock connector): started and deployed in %.1f s%n", tomcat.name(),
                DeployedFarmContract.seconds(tomcat.startTime()));
    }

    @AfterAll
    void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @Test
    void contextWithoutLogDirectory_doesNotStart_andTheLogSaysHowToSetIt() {
        List<ContainerLog.Entry> failures = tomcat.log().failuresSince(ContainerLog.Mark.BEGINNING, "testfarm");
        assertThat(failures).anySatisfy(entry -> assertThat(entry.text())
                .contains("TestFarm has no log directory: set the context parameter testfarm.logpath"));
        assertThat(tomcat.farm("/unconfigured").get("/api").statusCode()).isEqualTo(404);
    }

    @Test
    void configuredContext_besideTheBrokenOne_serves() {
        HttpResponse<String> api = tomcat.farm("/testfarm").get("/api");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body().strip()).isEqualTo("2.0");
    }

    @Test
    void reportAboveStockMaxPostSize_isRefused413_becauseMaxPostSizeCoversMultipartFields() {
        List<Replay.Answer> answers = Replay.executionWithLongOutput(tomcat.farm("/testfarm"), RUN.project(),
                RUN.client(), "20000101-000001", STOCK_MAX_POST_SIZE + 512 * 1024);
        Replay.Answer commandEnds = answers.get(3);
        assertThat(commandEnds.status()).as("%s", commandEnds).isEqualTo(413);
        assertThat(commandEnds.body()).startsWith("RequestTooLarge:").contains("maxPostSize");
    }

    @Test
    void reportBelowStockMaxPostSize_isAccepted() {
        List<Replay.Answer> answers = Replay.executionWithLongOutput(tomcat.farm("/testfarm"), RUN.project(),
                RUN.client(), "20000101-000002", STOCK_MAX_POST_SIZE - 512 * 1024);
        assertThat(answers).allMatch(Replay.Answer::isDone);
    }
}
