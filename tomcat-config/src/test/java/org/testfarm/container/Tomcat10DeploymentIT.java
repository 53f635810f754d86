package org.testfarm.container;

/** Tomcat 10.1: Servlet 6.0, the oldest container the WAR supports. */
class Tomcat10DeploymentIT extends TomcatDeploymentContract {

    @Override
    TomcatServer.Version version() {
        return TomcatServer.Version.TOMCAT_10_1;
    }
}
