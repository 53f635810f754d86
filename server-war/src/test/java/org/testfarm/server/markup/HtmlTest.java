package org.testfarm.server.markup;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Escaping client text for HTML, XML and SVG. */
class HtmlTest {

    @Test
    void theFiveMarkupCharactersAreEscapedWherever() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape("&")).isEqualTo("&amp;");
        assertThat(Html.escape("tail<")).isEqualTo("tail&lt;");
    }

    @Test
    void charactersNoXmlDocumentMayHoldBecomeTheReplacementCharacter() {
        assertThat(Html.escape("a\u0000b\u0007c\u001bd\u001fe")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(Html.escape("\uFFFE\uFFFF")).isEqualTo("\uFFFD\uFFFD");
        assertThat(Html.escape("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "make -j4 step-1 ? 100% done: été, 日本, \uD83D\uDE00, \uFFFD @[]{}";
        assertThat(Html.escape(plain)).isSameAs(plain);
        assertThat(Html.escape("")).isEmpty();
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void agreesWithEscapingOneCharacterAtATime() {
        Random random = new Random(20261126);
        String alphabet = "ab <>&\"'\t\n\u0001\u001f?@~\u00e9\uFFFD\uFFFE\uFFFF\uD83D\uDE00";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                text.append(c);
                Html.escape(c, expected);
            }
            assertThat(Html.escape(text.toString())).as(text.toString()).isEqualTo(expected.toString());
        }
    }
}
