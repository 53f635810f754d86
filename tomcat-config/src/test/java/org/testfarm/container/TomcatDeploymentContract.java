package org.testfarm.container;

import java.nio.file.Path;

/**
 * The WAR in Tomcat as the README installs it: the shipped context descriptor with
 * the log directory filled in, the WAR in webapps/, the shipped connector limits and
 * the JVM options of the shipped setenv.sh.
 */
abstract class TomcatDeploymentContract extends DeployedFarmContract {

    abstract TomcatServer.Version version();

    @Override
    Deployment deploy(Path work, Path logs) {
        TomcatServer.Running tomcat = new TomcatServer(version(), work)
                .connector(TomcatFiles.connectorLimits())
                .jvmOptions(SetenvScript.catalinaOpts("sh"))
                .descriptor("testfarm", TomcatFiles.descriptorWithLogPath(logs))
                .webapp("testfarm", BuildPaths.war())
                .start();
        return new Deployment(tomcat, tomcat.farm("/testfarm"), ContainerLog.Mark.BEGINNING);
    }
}
