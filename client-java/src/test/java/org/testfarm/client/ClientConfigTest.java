package org.testfarm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.TestFarmException;

class ClientConfigTest {

    @TempDir
    Path dir;

    static final Map<String, String> EXPECTED = Map.of("src", "/home/v/src", "jobs", "4",
            "build.type", "Release", "build.targets", "all check");

    @Test
    void properties_yaml_andToml_giveTheSameEntries() throws Exception {
        Path properties = Files.writeString(dir.resolve("c.properties"),
                "src=/home/v/src\njobs=4\nbuild.type=Release\nbuild.targets=all check\n");
        Path yaml = Files.writeString(dir.resolve("c.yaml"),
                "src: /home/v/src\njobs: 4\nbuild:\n  type: Release\n  targets: [all, check]\n");
        Path toml = Files.writeString(dir.resolve("c.toml"),
                "src = \"/home/v/src\"\njobs = 4\n[build]\ntype = \"Release\"\ntargets = [\"all\", \"check\"]\n");

        for (Path file : new Path[] {properties, yaml, toml}) {
            assertThat(ClientConfig.load(file).asMap()).as(file.getFileName().toString())
                    .containsExactlyInAnyOrderEntriesOf(EXPECTED);
        }
    }

    @Test
    void map_isFlattenedLikeAFile() {
        ClientConfig config = ClientConfig.of(Map.of("src", "/home/v/src", "jobs", 4,
                "build", Map.of("type", "Release", "targets", java.util.List.of("all", "check"))));
        assertThat(config.asMap()).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        assertThat(config.section("build.")).containsOnlyKeys("type", "targets");
    }

    @Test
    void laterEntriesWin() {
        ClientConfig merged = ClientConfig.of(Map.of("jobs", 1, "src", "a")).with(ClientConfig.of(Map.of("jobs", 8)));
        assertThat(merged.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("jobs", "8", "src", "a"));
    }

    @Test
    void unknownExtension_andMalformedYaml_areClearErrors() throws Exception {
        Path ini = Files.writeString(dir.resolve("c.ini"), "a=1");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "a: [1, 2\nb: c\n");

        assertThatThrownBy(() -> ClientConfig.load(ini)).isInstanceOf(TestFarmException.class)
                .hasMessageContaining("name it .properties, .yaml, .yml or .toml");
        assertThatThrownBy(() -> ClientConfig.load(broken)).isInstanceOf(TestFarmException.class)
                .hasMessageStartingWith("cannot parse the configuration " + broken);
        assertThatThrownBy(() -> ClientConfig.load(dir.resolve("missing.toml"))).isInstanceOf(TestFarmException.class)
                .hasMessageStartingWith("cannot read the configuration");
    }

    @Test
    void malformedEscapeInPropertiesIsAClearError() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.properties"), "src=/home/v/src\nname=caf\\u00zz\n");

        assertThatThrownBy(() -> ClientConfig.load(broken)).isInstanceOf(TestFarmException.class)
                .hasMessageStartingWith("cannot parse the configuration " + broken)
                .hasMessageContaining("\\uxxxx");
    }
}
