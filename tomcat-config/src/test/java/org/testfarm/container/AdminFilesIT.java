package org.testfarm.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The files admins copy into their containers agree with each other and with the WAR:
 * one log directory setting, one request size limit. (The container tests run with
 * them; this says what is wrong without starting anything.)
 */
class AdminFilesIT {

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void setenvScript_isValidShell(String shell) {
        assertThat(SetenvScript.syntaxErrors(shell)).isEmpty();
    }

    @Test
    void setenvScript_setsHeapHeadlessUtf8AndG1() {
        assertThat(SetenvScript.catalinaOpts("sh")).contains("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                        "-XX:+UseG1GC")
                .anyMatch(option -> option.startsWith("-Xmx"))
                .anyMatch(option -> option.startsWith("-Xms"));
    }

    @Test
    void contextDescriptor_setsTheLogDirectory_thatTheWarCannotOverride() {
        Element parameter = (Element) TomcatFiles.read(TomcatFiles.DESCRIPTOR).getElementsByTagName("Parameter").item(0);
        assertThat(parameter.getAttribute("name")).isEqualTo("testfarm.logpath");
        assertThat(parameter.getAttribute("value")).startsWith("/");
        assertThat(parameter.getAttribute("override")).isEqualTo("false");
    }

    @Test
    void connectorMaxPostSize_isTheWarsMultipartRequestLimit() {
        assertThat(TomcatFiles.connectorLimits()).containsEntry("maxPostSize", WarFile.webXmlValue("max-request-size"))
                .containsKeys("maxPartCount", "maxParameterCount", "connectionTimeout");
    }

    @Test
    void wildflyScript_setsTheLogDirectoryProperty_andTheWarsRequestLimit() throws IOException {
        String script = Files.readString(BuildPaths.configFile("wildfly/testfarm.cli"));
        assertThat(script).contains("/system-property=testfarm.logpath:add(value=\"${testfarm.logpath}\")")
                .contains("name=max-post-size, value=" + WarFile.webXmlValue("max-request-size") + ")")
                .contains("deploy ${testfarm.war} --name=testfarm.war");
    }
}
