package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The WAR deploys to any Jakarta EE 10 Web Profile container because it brings
 * nothing a container provides: no servlet API, no Tomcat, no logging backend (it logs
 * through java.util.logging, which every container routes to its own log).
 */
class WarForContainersIT {

    /** Jars a container provides, or that would take logging away from the container. */
    private static final Pattern CONTAINER_OR_LOGGING_JAR = Pattern.compile(
            "(?i).*(servlet-api|jakarta\\.servlet|tomcat|catalina|jasper|undertow|jboss-logging|logback"
                    + "|log4j|reload4j|slf4j-simple|slf4j-nop|commons-logging).*\\.jar");
    /** Packages a container provides, or that logging backends live in. */
    private static final Pattern CONTAINER_OR_LOGGING_CLASS = Pattern.compile(
            ".*!/(jakarta/servlet/|javax/servlet/|org/apache/catalina/|org/apache/tomcat/|io/undertow/"
                    + "|ch/qos/logback/|org/apache/logging/log4j/core/|org/apache/log4j/).*");

    @Test
    void webInfLib_holdsNoServletApiTomcatOrLoggingBackendJar() {
        assertThat(WarFile.libraries()).isNotEmpty().noneMatch(jar -> CONTAINER_OR_LOGGING_JAR.matcher(jar).matches());
    }

    @Test
    void webInfLibJars_containNoServletApiTomcatOrLoggingBackendClasses() {
        assertThat(WarFile.libraryEntries()).filteredOn(entry -> CONTAINER_OR_LOGGING_CLASS.matcher(entry).matches())
                .isEmpty();
    }

    @Test
    void webXml_isServlet60_metadataComplete_theJakartaEe10WebProfileLevel() {
        Element webApp = WarFile.webXml().getDocumentElement();
        assertThat(webApp.getNamespaceURI()).isEqualTo("https://jakarta.ee/xml/ns/jakartaee");
        assertThat(webApp.getAttribute("version")).isEqualTo("6.0");
        assertThat(webApp.getAttribute("metadata-complete")).isEqualTo("true");
    }
}
