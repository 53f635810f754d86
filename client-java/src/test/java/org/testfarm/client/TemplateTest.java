package org.testfarm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    private final ClientConfig config = ClientConfig.of(Map.of("jobs", 4, "src", "/home/v/src", "build",
            Map.of("type", "Release")));

    @Test
    void placeholders_areFilledFromTheConfiguration_nestedNamesDotted() {
        assertThat(Template.fill("cd {src} && make -j{jobs} BUILD={build.type}", config, "x"))
                .isEqualTo("cd /home/v/src && make -j4 BUILD=Release");
    }

    @Test
    void shellBraces_thatAreNoPlaceholders_passUnchanged() {
        String shell = "echo ${HOME} {a,b} $(ls) && awk '{print $1}' && f() { true; }";
        assertThat(Template.fill(shell, config, "x")).isEqualTo(shell);
    }

    @Test
    void doubleBraces_writeALiteralPlaceholder() {
        assertThat(Template.fill("echo {{jobs}} is {jobs}", config, "x")).isEqualTo("echo {jobs} is 4");
    }

    @Test
    void unknownPlaceholder_isAnErrorNamingItAndWhereItIs_andWhatTheConfigurationHas() {
        assertThatThrownBy(() -> Template.fill("make -j{cores}", config, "command 'make -j{cores}' of task 'Build'"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("unknown placeholder {cores} in command 'make -j{cores}' of task 'Build';"
                        + " the configuration has build.type, jobs, src")
                .extracting(e -> ((TemplateException) e).placeholder()).isEqualTo("cores");
    }
}
