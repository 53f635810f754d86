package org.testfarm.server.launch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the built WAR holds: a plain webapp for containers, plus what `java -jar` needs. */
class WarLayoutIT {

    private static List<String> entries;

    @BeforeAll
    static void readWar() throws IOException {
        try (JarFile war = new JarFile(LaunchedWar.WAR.toFile())) {
            entries = Collections.list(war.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void manifest_runsTheBootstrap() throws IOException {
        try (JarFile war = new JarFile(LaunchedWar.WAR.toFile())) {
            assertThat(war.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo("org.testfarm.server.launch.Bootstrap");
        }
    }

    @Test
    void onlyClassesAtTheRoot_areTheBootstrapItsGenerationJvmAndItsClassArchive() {
        assertThat(entries.stream().filter(name -> name.endsWith(".class"))
                .filter(name -> !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")))
                .containsExactlyInAnyOrder("org/testfarm/server/launch/Bootstrap.class",
                        "org/testfarm/server/launch/GenerationJvm.class",
                        "org/testfarm/server/launch/GenerationJvm$JvmOptions.class",
                        "org/testfarm/server/launch/ClassArchive.class");
    }

    @Test
    void webInfLib_holdsNoServletApi() throws IOException {
        List<String> servletClasses = new ArrayList<>();
        try (JarFile war = new JarFile(LaunchedWar.WAR.toFile())) {
            for (String jar : entries.stream().filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar")).toList()) {
                try (InputStream in = war.getInputStream(war.getEntry(jar)); ZipInputStream nested = new ZipInputStream(in)) {
                    for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                        if (entry.getName().startsWith("jakarta/servlet/")) {
                            servletClasses.add(jar + "!" + entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(servletClasses).isEmpty();
        assertThat(entries).filteredOn(n -> n.startsWith("WEB-INF/lib/"))
                .noneMatch(n -> n.contains("servlet-api") || n.contains("tomcat"))
                .anyMatch(n -> n.contains("picocli"))
                .anyMatch(n -> n.contains("client-java"));
    }

    @Test
    void embeddedTomcat_isUnderMetaInf_withoutJasper() {
        List<String> standalone = entries.stream()
                .filter(n -> n.startsWith("META-INF/standalone/lib/") && n.endsWith(".jar")).toList();
        assertThat(standalone).anyMatch(n -> n.contains("tomcat-embed-core"))
                .noneMatch(n -> n.contains("jasper") || n.contains("servlet-api"));
    }

    @Test
    void webXml_andWebappClasses_areWhereContainersLook() throws IOException {
        assertThat(entries).contains("WEB-INF/web.xml");
        assertThat(entries).as("the webapp's classes are in a jar of WEB-INF/lib (a class archive holds jars only)")
                .noneMatch(name -> name.startsWith("WEB-INF/classes/") && name.endsWith(".class"));
        String own = entries.stream().filter(name -> name.matches("WEB-INF/lib/server-war-[^/]+\\.jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no WEB-INF/lib/server-war-*.jar"));
        List<String> classes = new ArrayList<>();
        try (JarFile war = new JarFile(LaunchedWar.WAR.toFile());
             ZipInputStream jar = new ZipInputStream(war.getInputStream(war.getEntry(own)))) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                classes.add(entry.getName());
            }
        }
        assertThat(classes).contains("org/testfarm/server/web/FrontServlet.class",
                "org/testfarm/server/cli/Cli.class", "org/testfarm/server/cli/version.properties");
    }
}
