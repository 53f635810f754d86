package org.testfarm.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testfarm.server.template.Templates;

class WarmUpTest {

    @Test
    void aCommandThatRendersPagesHasEveryTemplateParsedOnASpareThread() throws InterruptedException {
        Thread warming = WarmUp.start("generate", "logs", "site");

        assertThat(warming).isNotNull();
        assertThat(warming.isDaemon()).isTrue();
        warming.join(60_000);
        assertThat(warming.isAlive()).isFalse();
        assertThat(Templates.shared().parsedCount()).isEqualTo(Templates.SITE_TEMPLATES.size());
    }

    @Test
    void otherCommandsStartNothing() {
        assertThat(WarmUp.start("init", "--logs", "x")).isNull();
        assertThat(WarmUp.start("add-client", "p", "c")).isNull();
        assertThat(WarmUp.start("--help")).isNull();
    }
}
