package org.testfarm.server.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizerTest {

    @Test
    void formattingImagesAndLinksOfUpstreamDescriptionsAreKept() {
        assertThat(Sanitizer.sanitize("My <b>project</b>").markup()).isEqualTo("My <b>project</b>");
        assertThat(Sanitizer.sanitize("<img src=\"linux.png\"/>").markup()).isEqualTo("<img src=\"linux.png\" />");
        assertThat(Sanitizer.sanitize("<a href=\"https://example.org/x?a=1&b=2\">site</a>").markup())
                .contains("href=\"https://example.org/x?a&#61;1&amp;b&#61;2\"").containsPattern("rel=\"[a-z ]*nofollow")
                .containsPattern("rel=\"[a-z ]*noopener");
    }

    @Test
    void scriptsHandlersStylesAndDangerousUrlsAreRemoved() {
        String markup = Sanitizer.sanitize("<script>alert(1)</script><img src=x onerror=alert(1)>"
                + "<a href=\"javascript:alert(1)\">j</a><img src=\"data:image/svg+xml;base64,AAAA\">"
                + "<p style=\"color:red\">p</p><iframe src=\"https://e.org\"></iframe>").markup();
        assertThat(markup).doesNotContain("script", "onerror", "javascript", "data:", "style", "iframe");
        assertThat(markup).contains("<img src=\"x\" />").contains("<p>p</p>");
    }

    @Test
    void nothingSanitisesToNothing() {
        assertThat(Sanitizer.sanitize(null).isEmpty()).isTrue();
        assertThat(Sanitizer.sanitize("  ").isEmpty()).isTrue();
    }
}
