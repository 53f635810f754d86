package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The WAR in WildFly as the README installs it: {@code wildfly/testfarm.cli} sets the
 * log directory property, raises the request limit and deploys. Before that, the
 * same WAR deployed without a log directory must be refused, saying why.
 */
@Order(1)
class WildFlyDeploymentIT extends DeployedFarmContract {

    private JbossCli.Result unconfiguredDeploy;
    private List<ContainerLog.Entry> unconfiguredLog;
    private JbossCli.Result script;

    @Override
    Deployment deploy(Path work, Path logs) {
        BuildPaths.requireNoLogPathInEnvironment();
        WildFlyServer.Running wildfly = WildFlyServer.start(work);
        try {
            ContainerLog.Mark beforeUnconfigured = wildfly.log().mark();
            unconfiguredDeploy = wildfly.cli().command("deploy " + BuildPaths.war() + " --name=unconfigured.war");
            unconfiguredLog = wildfly.log().failuresSince(beforeUnconfigured, "testfarm");
            ContainerLog.Mark beforeScript = wildfly.log().mark();
            long scriptStart = System.nanoTime();
            script = wildfly.cli().file(BuildPaths.configFile("wildfly/testfarm.cli"), "--resolve-parameter-values",
                    "-Dtestfarm.logpath=" + logs, "-Dtestfarm.war=" + BuildPaths.war());
            System.out.printf("[timing] %s: testfarm.cli ran in %.1f s%n", wildfly.name(),
                    (System.nanoTime() - scriptStart) / 1e9);
            assertThat(script.succeeded()).as("testfarm.cli: %s", script.output()).isTrue();
            return new Deployment(wildfly, wildfly.farm("/testfarm"), beforeScript);
        } catch (RuntimeException | AssertionError e) {
            wildfly.close();
            throw e;
        }
    }

    @Test
    void cliScript_runsWithoutFailure() {
        assertThat(script.output()).doesNotContain("\"outcome\" => \"failed\"");
    }

    @Test
    void warWithoutLogDirectory_isRefused_withTheFarmContextMessageInTheLog() {
        assertThat(unconfiguredDeploy.succeeded()).as("deploy without a log directory: %s", unconfiguredDeploy)
                .isFalse();
        assertThat(unconfiguredDeploy.output()).contains("TestFarm has no log directory");
        assertThat(unconfiguredLog).as("ERROR records of the refused deployment")
                .anySatisfy(entry -> assertThat(entry.text()).contains("TestFarm has no log directory: set the"));
    }
}
