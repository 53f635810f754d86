package org.testfarm.container;

/** Tomcat 11: Servlet 6.1. */
class Tomcat11DeploymentIT extends TomcatDeploymentContract {

    @Override
    TomcatServer.Version version() {
        return TomcatServer.Version.TOMCAT_11;
    }
}
