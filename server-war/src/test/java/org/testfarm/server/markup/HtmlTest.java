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
        agreesOver("ab <>&\"'\t\n\u0001\u001f?@~\u00e9\uFFFD\uFFFE\uFFFF\uD83D\uDE00", 40);
    }

    @Test
    void latin1TextAgreesToo_longerThanItsFirstGuess() {
        agreesOver("ab <>&\"'\t\n?@~\u00e9\u00ff\u0080", 40);
        agreesOver("&&&&<<x", 400); // each character five times as long: the output grows past its first size
        agreesOver("a?\u0100", 40); // a '?' of its own beside what encodes as one
    }

    @Test
    void aQuestionMarkIsOnlyAQuestionMark() {
        assertThat(Html.escape("why? <b>")).isEqualTo("why? &lt;b&gt;");
        assertThat(Html.escape("?\uFFFE<")).isEqualTo("?\uFFFD&lt;");
        assertThat(Html.escape("\u0100?<")).isEqualTo("\u0100?&lt;");
    }

    private static void agreesOver(String alphabet, int longest) {
        Random random = new Random(20261126);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int i = random.nextInt(longest); i > 0; i--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                text.append(c);
                Html.escape(c, expected);
            }
            assertThat(Html.escape(text.toString())).as(text.toString()).isEqualTo(expected.toString());
        }
    }
}
