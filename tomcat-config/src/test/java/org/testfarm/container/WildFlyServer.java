package org.testfarm.container;

import java.nio.file.Path;
import java.time.Duration;

import org.codehaus.cargo.container.InstalledLocalContainer;
import org.codehaus.cargo.container.configuration.LocalConfiguration;
import org.codehaus.cargo.container.jboss.JBossPropertySet;
import org.codehaus.cargo.container.property.GeneralPropertySet;
import org.codehaus.cargo.container.property.ServletPropertySet;
import org.codehaus.cargo.container.wildfly.WildFly36xInstalledLocalContainer;
import org.codehaus.cargo.container.wildfly.WildFly36xStandaloneLocalConfiguration;

/**
 * A WildFly distribution started by Cargo with its stock {@code standalone.xml} in a
 * fresh server base directory, on free loopback ports, with nothing deployed: tests
 * deploy through {@link JbossCli}, as admins do. The log is {@code log/server.log}.
 */
final class WildFlyServer {

    private WildFlyServer() {}

    static Running start(Path work) {
        Path home = BuildPaths.containerHome("wildfly.home");
        int[] ports = FreePorts.take(7);
        Path base = work.resolve("server-base");
        LocalConfiguration configuration = new WildFly36xStandaloneLocalConfiguration(base.toString());
        configuration.setProperty(GeneralPropertySet.HOSTNAME, "127.0.0.1");
        configuration.setProperty(ServletPropertySet.PORT, String.valueOf(ports[0]));
        configuration.setProperty(JBossPropertySet.JBOSS_MANAGEMENT_HTTP_PORT, String.valueOf(ports[1]));
        configuration.setProperty(JBossPropertySet.JBOSS_MANAGEMENT_HTTPS_PORT, String.valueOf(ports[2]));
        configuration.setProperty(JBossPropertySet.JBOSS_HTTPS_PORT, String.valueOf(ports[3]));
        configuration.setProperty(JBossPropertySet.JBOSS_AJP_PORT, String.valueOf(ports[4]));
        configuration.setProperty(JBossPropertySet.JBOSS_TRANSACTION_RECOVERY_MANAGER_PORT, String.valueOf(ports[5]));
        configuration.setProperty(JBossPropertySet.JBOSS_TRANSACTION_STATUS_MANAGER_PORT, String.valueOf(ports[6]));
        configuration.setProperty(GeneralPropertySet.JVMARGS, "-Xms256m -Xmx1g -Djava.awt.headless=true");

        InstalledLocalContainer container = new WildFly36xInstalledLocalContainer(configuration);
        container.setHome(home.toString());
        container.setOutput(work.resolve("console.log").toString());
        container.setTimeout(Duration.ofMinutes(4).toMillis());
        long started = System.nanoTime();
        container.start();
        Duration startTime = Duration.ofNanos(System.nanoTime() - started);
        ContainerLog log = new ContainerLog(base.resolve("log"), name -> name.equals("server.log"));
        String label = "WildFly " + home.getFileName().toString().replace("wildfly-", "");
        return new Running(label, container, "http://127.0.0.1:" + ports[0], log, startTime,
                new JbossCli(home, ports[1]));
    }

    record Running(String name, InstalledLocalContainer container, String rootUrl, ContainerLog log,
                   Duration startTime, JbossCli cli) implements RunningContainer {

        @Override
        public void close() {
            container.stop();
        }
    }
}
