package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.codehaus.cargo.container.InstalledLocalContainer;
import org.codehaus.cargo.container.configuration.LocalConfiguration;
import org.codehaus.cargo.container.jboss.JBossPropertySet;
import org.codehaus.cargo.container.property.GeneralPropertySet;
import org.codehaus.cargo.container.property.ServletPropertySet;
import org.codehaus.cargo.container.wildfly.WildFly36xInstalledLocalContainer;
import org.codehaus.cargo.container.wildfly.WildFly36xExistingLocalConfiguration;

/**
 * A WildFly distribution started by Cargo with its stock {@code standalone.xml} in a
 * fresh copy of its {@code standalone/} directory, on free loopback ports (given as
 * the system properties that file reads), with nothing deployed: tests deploy through
 * {@link JbossCli}, as admins do. The log is {@code log/server.log}.
 */
final class WildFlyServer {

    private WildFlyServer() {}

    static Running start(Path work) {
        Path home = BuildPaths.containerHome("wildfly.home");
        int[] ports = FreePorts.take(5);
        Path base = copyOfStandalone(home, work.resolve("server-base"));
        // an existing configuration: Cargo starts and stops the server and changes none of its files
        LocalConfiguration configuration = new WildFly36xExistingLocalConfiguration(base.toString());
        configuration.setProperty(GeneralPropertySet.HOSTNAME, "127.0.0.1");
        configuration.setProperty(ServletPropertySet.PORT, String.valueOf(ports[0]));
        configuration.setProperty(JBossPropertySet.JBOSS_MANAGEMENT_HTTP_PORT, String.valueOf(ports[1]));
        configuration.setProperty(GeneralPropertySet.JVMARGS, "-Xms256m -Xmx1g -Djava.awt.headless=true");

        InstalledLocalContainer container = new WildFly36xInstalledLocalContainer(configuration);
        container.setHome(home.toString());
        // the stock standalone.xml reads its ports from these properties
        container.setSystemProperties(Map.of(
                "jboss.http.port", String.valueOf(ports[0]),
                "jboss.management.http.port", String.valueOf(ports[1]),
                "jboss.management.https.port", String.valueOf(ports[2]),
                "jboss.https.port", String.valueOf(ports[3]),
                "jboss.ajp.port", String.valueOf(ports[4])));
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

    /** A fresh server base directory: the distribution's stock {@code standalone/}. */
    private static Path copyOfStandalone(Path home, Path base) {
        Path stock = home.resolve("standalone");
        try (Stream<Path> files = Files.walk(stock)) {
            for (Path file : files.toList()) {
                Path target = base.resolve(stock.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Running(String name, InstalledLocalContainer container, String rootUrl, ContainerLog log,
                   Duration startTime, JbossCli cli) implements RunningContainer {

        @Override
        public void close() {
            container.stop();
        }
    }
}
