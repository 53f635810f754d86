package org.testfarm.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;

class RootPageTest {

    @Test
    void everyProjectIsListedWithItsSanitisedDescriptionsAndLinks(@TempDir Path logs) {
        try (TestFarm farm = new TestFarm(logs)) {
            farm.project("alpha", "First <b>one</b>", "<a href=\"javascript:x()\">bad</a>")
                    .project("beta two", null, null).client(new ClientRef("alpha", "c"), null, null);
            RootPage page = RootPage.of(farm.store, List.of("alpha", "beta two"));
            assertThat(page.projects()).extracting(RootPage.Project::href)
                    .containsExactly("alpha/index.html", "beta%20two/index.html");
            assertThat(page.projects().get(0).clients()).isEqualTo(1);
            String html = TestFarm.html(page);
            assertThat(html).contains("First <b>one</b>").doesNotContain("javascript").contains("1 client ");
        }
    }
}
