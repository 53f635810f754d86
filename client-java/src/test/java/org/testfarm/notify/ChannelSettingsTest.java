package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.literal.PyTuple;

class ChannelSettingsTest {

    @Test
    void textFromMetadataAndValuesFromPythonDictsReadTheSame() {
        ChannelSettings text = new ChannelSettings("mail", Map.of("port", "587", "tls", "yes",
                "recipients", "a@example.org, b@example.org", "timeout", "2.5"));
        ChannelSettings python = new ChannelSettings("mail", Map.of("port", 587L, "tls", true,
                "recipients", PyTuple.of("a@example.org", "b@example.org"), "timeout", 2.5));

        for (ChannelSettings settings : List.of(text, python)) {
            assertThat(settings.integer("port", 25)).isEqualTo(587);
            assertThat(settings.flag("tls", false)).isTrue();
            assertThat(settings.list("recipients")).containsExactly("a@example.org", "b@example.org");
            assertThat(settings.seconds("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        }
    }

    @Test
    void malformedValueNamesChannelKeyAndValue() {
        ChannelSettings settings = new ChannelSettings("irc", Map.of("port", "sixty"));

        assertThatThrownBy(() -> settings.integer("port", 6667))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("irc notification setting 'port' must be a whole number, not 'sixty'");
        assertThatThrownBy(() -> settings.text("address"))
                .hasMessage("irc notification setting 'address' is missing");
    }

    @Test
    void timeOutBelowAMillisecondIsAMillisecondNotNoTimeOutAtAll() {
        ChannelSettings settings = new ChannelSettings("irc", Map.of("timeout", "0.0001"));

        assertThat(settings.seconds("timeout", Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> new ChannelSettings("irc", Map.of("timeout", "0")).seconds("timeout", Duration.ZERO))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("irc notification setting 'timeout' must be more than 0 and at most 3600 seconds, not 0");
    }

    @Test
    void selectedPrefixIsTakenOffAndPasswordsAreHidden() {
        ChannelSettings settings = ChannelSettings.select("mail",
                Map.of("notify.mail.password", "secret", "notify.mail.server", "smtp", "notify.policy", "break"),
                "notify.mail.");

        assertThat(settings.text("server")).isEqualTo("smtp");
        assertThat(settings.has("policy")).isFalse();
        assertThat(settings.toString()).isEqualTo("mail {password=****, server=smtp}");
    }

    @Test
    void outputTailKeepsTheLastLinesAndSaysHowManyWereCut() {
        OutputTail tail = new OutputTail(2, 1000);

        assertThat(tail.of("one\ntwo\nthree\n")).isEqualTo("[... 1 line before]\ntwo\nthree");
        assertThat(tail.of("\u001b[31mred\u001b[0m")).isEqualTo("red");
        assertThat(new OutputTail(10, 8).of("a long first line\nshort")).isEqualTo("[... 1 line before]\nshort");
    }
}
