package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What every container must do with the WAR, as an admin installs it: take both
 * captured client runs (one per form of base URL) and a report of the largest size,
 * serve every page of {@link FarmPages}, and log no error about TestFarm, from
 * deployment to stop.
 *
 * <p>The container is started, the WAR deployed and the reports sent once per class;
 * each test checks one part of the outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployedFarmContract {

    /** Above Tomcat's stock maxPostSize (2 MiB) and Undertow's stock max-post-size (10 MiB). */
    static final int LONG_OUTPUT_REQUEST_BYTES = 12 << 20;

    private static final CapturedRun BASIC = CapturedRun.load("upstream-run-basic");
    private static final CapturedRun GIT = CapturedRun.load("upstream-run-git");

    /** A started container with the WAR deployed at /testfarm, logging to {@code logs}. */
    record Deployment(RunningContainer container, FarmClient farm, ContainerLog.Mark logFrom) {}

    private Deployment deployment;
    private List<Replay.Answer> viaService;
    private List<Replay.Answer> viaSlash;
    private List<Replay.Answer> longOutput;
    private long startedAt;

    /** Starts the container and deploys the WAR with {@code logs} as its log directory. */
    abstract Deployment deploy(Path work, Path logs);

    @BeforeAll
    void deployAndReport() {
        startedAt = System.nanoTime();
        Path work = BuildPaths.workDirectory(getClass().getSimpleName());
        Path logs = AdminCli.registeredLogDirectory(work, BASIC.project(), BASIC.client());
        deployment = deploy(work, logs);
        long replayStart = System.nanoTime();
        FarmClient farm = deployment.farm();
        longOutput = Replay.executionWithLongOutput(farm, BASIC.project(), BASIC.client(), "20000101-000000",
                LONG_OUTPUT_REQUEST_BYTES);
        viaService = Replay.run(farm, BASIC, ClientBase.SERVICE);
        viaSlash = Replay.run(farm, GIT, ClientBase.SLASH);
        System.out.printf("[timing] %s: started and deployed in %.1f s, reports sent in %.1f s%n",
                deployment.container().name(), seconds(deployment.container().startTime()),
                (System.nanoTime() - replayStart) / 1e9);
    }

    @AfterAll
    void stopAndCheckTheLog() {
        if (deployment == null) {
            return;
        }
        RunningContainer container = deployment.container();
        container.close();
        System.out.printf("[timing] %s: whole test class %.1f s%n", container.name(),
                (System.nanoTime() - startedAt) / 1e9);
        assertThat(container.log().failuresSince(deployment.logFrom(), "testfarm"))
                .as("SEVERE/ERROR records about TestFarm in the log of %s, up to its stop", container.name())
                .isEmpty();
    }

    @Test
    void capturedRun_sentToTestfarmserviceBase_isAnsweredDoneEveryTime() {
        assertThat(viaService).hasSize(BASIC.requests().size()).allMatch(Replay.Answer::isDone);
    }

    @Test
    void capturedRun_sentToSlashBase_withDoubleSlashPaths_isAnsweredDoneEveryTime() {
        assertThat(viaSlash).hasSize(GIT.requests().size()).allMatch(Replay.Answer::isDone);
    }

    @Test
    void reportOf12MiB_isAccepted() {
        assertThat(longOutput).allMatch(Replay.Answer::isDone);
    }

    @TestFactory
    Stream<DynamicTest> everyPage_answersWhatItMustShow() {
        FarmPages.Reported reported = new FarmPages.Reported(BASIC.project(), BASIC.client(),
                List.of(GIT.execution(), BASIC.execution()));
        return FarmPages.all(reported).stream().map(page -> DynamicTest.dynamicTest(page.path(),
                () -> page.expectation().accept(deployment.farm().get(page.path()))));
    }

    @Test
    void containerLog_whileServing_hasNoErrorAboutTestfarm() {
        ContainerLog log = deployment.container().log();
        assertThat(log.entries()).as("the log of %s", deployment.container().name()).isNotEmpty();
        assertThat(log.failuresSince(deployment.logFrom(), "testfarm")).isEmpty();
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
