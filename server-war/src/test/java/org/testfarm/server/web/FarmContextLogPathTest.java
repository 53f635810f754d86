package org.testfarm.server.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FarmContextLogPathTest {

    @Test
    void contextParameter_winsOverSystemPropertyAndEnvironment() {
        assertThat(FarmContext.configuredPath("/a", "/b", "/c")).contains(Path.of("/a"));
    }

    @Test
    void systemProperty_winsOverEnvironment_whenNoContextParameter() {
        assertThat(FarmContext.configuredPath(null, "/b", "/c")).contains(Path.of("/b"));
    }

    @Test
    void environment_isUsedLast_andBlankSettingsCountAsUnset() {
        assertThat(FarmContext.configuredPath("  ", "", "/c")).contains(Path.of("/c"));
    }

    @Test
    void relativeSetting_becomesAbsolute() {
        assertThat(FarmContext.configuredPath("logs/../farm", null, null))
                .contains(Path.of("farm").toAbsolutePath());
    }

    @Test
    void nothingConfigured_failsWithMessageNamingEveryWayToConfigure() {
        assertThatThrownBy(() -> FarmContext.logDirectory(null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("context parameter testfarm.logpath")
                .hasMessageContaining("-Dtestfarm.logpath=DIR")
                .hasMessageContaining("TESTFARM_LOGPATH=DIR");
    }

    @Test
    void missingDirectory_isCreated(@TempDir Path dir) {
        Path logs = dir.resolve("a/b");
        assertThat(FarmContext.logDirectory(logs.toString(), null, null)).isEqualTo(logs);
        assertThat(logs).isDirectory();
    }

    @Test
    void directoryThatCannotBeCreated_failsWithItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> FarmContext.logDirectory(file.resolve("logs").toString(), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TestFarm cannot create its log directory " + file.resolve("logs"));
    }
}
