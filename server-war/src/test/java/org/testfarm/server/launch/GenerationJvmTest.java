package org.testfarm.server.launch;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which runs the first JVM hands on; the handing on itself is {@code GenerateForkIT}'s, with the real WAR. */
class GenerationJvmTest {

    @Test
    void aGenerationIsHandedOn_unlessTheJavaCommandChoseHowItsJvmCompilesOrIsWatched() {
        assertThat(GenerationJvm.generation(new String[] {"generate", "L", "O"})).isTrue();
        assertThat(GenerationJvm.generation(new String[] {"serve"})).isFalse();
        assertThat(GenerationJvm.generation(new String[0])).isFalse();
        String before = System.setProperty("testfarm.fork", "false");
        try {
            assertThat(GenerationJvm.generation(new String[] {"generate", "L", "O"})).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("testfarm.fork");
            } else {
                System.setProperty("testfarm.fork", before);
            }
        }
        assertThat(GenerationJvm.choosesItsJvm(List.of("-Xmx1g", "-Dtestfarm.cache=/c"))).isFalse();
        for (String option : List.of("-XX:TieredStopAtLevel=4", "-Xint", "-agentpath:/p.so", "-javaagent:a.jar",
                "-XX:StartFlightRecording=duration=30s", "-XX:+TieredCompilation")) {
            assertThat(GenerationJvm.choosesItsJvm(List.of("-Xmx1g", option))).as(option).isTrue();
        }
    }

    @Test
    void theJavaCommandIsThisJvmsOwn() {
        assertThat(GenerationJvm.java()).startsWith(System.getProperty("java.home")).endsWith("java");
    }
}
