package org.testfarm.container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.codehaus.cargo.container.InstalledLocalContainer;
import org.codehaus.cargo.container.configuration.FileConfig;
import org.codehaus.cargo.container.configuration.LocalConfiguration;
import org.codehaus.cargo.container.deployable.WAR;
import org.codehaus.cargo.container.property.GeneralPropertySet;
import org.codehaus.cargo.container.property.ServletPropertySet;
import org.codehaus.cargo.container.spi.configuration.AbstractStandaloneLocalConfiguration;
import org.codehaus.cargo.container.tomcat.Tomcat10xInstalledLocalContainer;
import org.codehaus.cargo.container.tomcat.Tomcat10xStandaloneLocalConfiguration;
import org.codehaus.cargo.container.tomcat.Tomcat11xInstalledLocalContainer;
import org.codehaus.cargo.container.tomcat.Tomcat11xStandaloneLocalConfiguration;
import org.codehaus.cargo.container.tomcat.TomcatPropertySet;

/**
 * A Tomcat distribution started by Cargo in a fresh CATALINA_BASE, set up the way
 * the README tells admins: descriptors in {@code conf/Catalina/localhost/}, WARs in
 * {@code webapps/}, the stock {@code logging.properties} (so the log is
 * {@code logs/catalina.DATE.log}), optionally the shipped connector limits and JVM options.
 */
final class TomcatServer {

    enum Version {
        TOMCAT_10_1("tomcat10.home", Tomcat10xStandaloneLocalConfiguration::new, Tomcat10xInstalledLocalContainer::new),
        TOMCAT_11("tomcat11.home", Tomcat11xStandaloneLocalConfiguration::new, Tomcat11xInstalledLocalContainer::new);

        final String homeProperty;
        final Function<String, LocalConfiguration> configuration;
        final Function<LocalConfiguration, InstalledLocalContainer> container;

        Version(String homeProperty, Function<String, LocalConfiguration> configuration,
                Function<LocalConfiguration, InstalledLocalContainer> container) {
            this.homeProperty = homeProperty;
            this.configuration = configuration;
            this.container = container;
        }

        Path home() {
            return BuildPaths.containerHome(homeProperty);
        }

        /** "Tomcat 10.1.59", from the distribution's directory name. */
        String label() {
            return "Tomcat " + home().getFileName().toString().replace("apache-tomcat-", "");
        }
    }

    /** What catalina.sh adds on Java 9+, so Tomcat can clear leaks on undeploy. */
    private static final List<String> CATALINA_SH_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");

    private final Version version;
    private final Path work;
    private final Map<String, String> connector = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(CATALINA_SH_OPENS);
    private final List<FileConfig> files = new ArrayList<>();
    private final List<WAR> webapps = new ArrayList<>();

    TomcatServer(Version version, Path work) {
        this.version = version;
        this.work = work;
    }

    /** Connector attributes to set in server.xml (the stock connector is used otherwise). */
    TomcatServer connector(Map<String, String> attributes) {
        connector.putAll(attributes);
        return this;
    }

    TomcatServer jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** A context descriptor {@code conf/Catalina/localhost/<context>.xml}. */
    TomcatServer descriptor(String context, String xml) {
        Path file = TomcatFiles.writeTo(work.resolve("descriptors"), context + ".xml", xml);
        return file(file, "conf/Catalina/localhost", context + ".xml");
    }

    /** A WAR copied to {@code webapps/<context>.war} (by Cargo: its file copies are text only). */
    TomcatServer webapp(String context, Path war) {
        WAR deployable = new WAR(war.toString());
        deployable.setContext(context);
        webapps.add(deployable);
        return this;
    }

    private TomcatServer file(Path from, String toDir, String toFile) {
        FileConfig file = new FileConfig();
        file.setFile(from.toString());
        file.setToDir(toDir);
        file.setToFile(toFile);
        file.setOverwrite(true);
        files.add(file);
        return this;
    }

    Running start() {
        int[] ports = FreePorts.take(3);
        Path base = work.resolve("catalina-base");
        LocalConfiguration configuration = version.configuration.apply(base.toString());
        configuration.setProperty(ServletPropertySet.PORT, String.valueOf(ports[0]));
        configuration.setProperty(GeneralPropertySet.RMI_PORT, String.valueOf(ports[1]));
        configuration.setProperty(TomcatPropertySet.AJP_PORT, String.valueOf(ports[2]));
        configuration.setProperty(GeneralPropertySet.JVMARGS, String.join(" ", jvmOptions));
        AbstractStandaloneLocalConfiguration standalone = (AbstractStandaloneLocalConfiguration) configuration;
        String httpConnector = "//Server/Service/Connector[not(@protocol) or @protocol='HTTP/1.1']";
        standalone.addXmlReplacement("conf/server.xml", httpConnector, "address", "127.0.0.1");
        connector.forEach((name, value) -> standalone.addXmlReplacement("conf/server.xml", httpConnector, name, value));
        file(version.home().resolve("conf/logging.properties"), "conf", "logging.properties");
        files.forEach(configuration::setConfigFileProperty);
        webapps.forEach(configuration::addDeployable);

        InstalledLocalContainer container = version.container.apply(configuration);
        container.setHome(version.home().toString());
        container.setOutput(work.resolve("console.log").toString());
        container.setTimeout(Duration.ofMinutes(2).toMillis());
        long started = System.nanoTime();
        container.start();
        Duration startTime = Duration.ofNanos(System.nanoTime() - started);
        ContainerLog log = new ContainerLog(base.resolve("logs"), name -> name.startsWith("catalina."));
        return new Running(version.label(), container, "http://127.0.0.1:" + ports[0], log, startTime);
    }

    record Running(String name, InstalledLocalContainer container, String rootUrl, ContainerLog log,
                   Duration startTime) implements RunningContainer {

        @Override
        public void close() {
            container.stop();
        }
    }
}
