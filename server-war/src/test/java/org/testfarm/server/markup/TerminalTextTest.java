package org.testfarm.server.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testfarm.server.markup.TerminalText.Keep;

class TerminalTextTest {

    static String html(String text) {
        return TerminalText.html(text).markup();
    }

    @Test
    void plainTextIsEscapedAndKeepsItsLines() {
        assertThat(html("a < b && c > \"d\" 'e'\nnext\n")).isEqualTo(
                "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;\nnext");
    }

    @Test
    void basicColoursBecomeSpansClosedByReset() {
        assertThat(html("\u001b[31mred\u001b[0m café")).isEqualTo("<span class=\"f1\">red</span> café");
    }

    @Test
    void brightBackgroundBoldItalicUnderlineAndStrikeCombine() {
        assertThat(html("\u001b[1;3;4;9;92;104mx")).isEqualTo("<span class=\"f10 g12 b i us\">x</span>");
        assertThat(html("\u001b[2mdim\u001b[22mplain")).isEqualTo("<span class=\"d\">dim</span>plain");
    }

    @Test
    void palette256AndTruecolorInBothSyntaxes() {
        assertThat(html("\u001b[38;5;208mo")).isEqualTo("<span class=\"f208\">o</span>");
        assertThat(html("\u001b[48:5:21mo")).isEqualTo("<span class=\"g21\">o</span>");
        assertThat(html("\u001b[38;2;255;135;0mo")).isEqualTo("<span class=\"f208\">o</span>");
        assertThat(html("\u001b[38:2::255:135:0mo")).isEqualTo("<span class=\"f208\">o</span>");
        assertThat(html("\u001b[38;2;128;128;128mo")).isEqualTo("<span class=\"f244\">o</span>");
    }

    @Test
    void reverseVideoSwapsColoursIncludingTheDefaults() {
        assertThat(html("\u001b[7mr\u001b[27mn")).isEqualTo("<span class=\"fr gr\">r</span>n");
        assertThat(html("\u001b[31;7mr")).isEqualTo("<span class=\"fr g1\">r</span>");
    }

    @Test
    void partialResetsTurnOffOnlyTheirAttribute() {
        assertThat(html("\u001b[1;31mA\u001b[39mB\u001b[22mC")).isEqualTo(
                "<span class=\"f1 b\">A</span><span class=\"b\">B</span>C");
    }

    @Test
    void spansCloseAtEveryLineEndAndReopenOnTheNext() {
        assertThat(html("\u001b[32mone\ntwo\u001b[m")).isEqualTo(
                "<span class=\"f2\">one</span>\n<span class=\"f2\">two</span>");
    }

    @Test
    void otherEscapeSequencesAndControlsAreDropped() {
        assertThat(html("a\u001b[2Kb\u001b[?25lc\u001b]0;title\u0007d\u001b(Be\u0008f\u0000g\u009b1mh"))
                .isEqualTo("abcdef<span class=\"b\">g</span>".replace("f<span class=\"b\">g</span>", "fg")
                        + "<span class=\"b\">h</span>");
    }

    @Test
    void carriageReturnsEndLinesButCrLfIsOneLineEnd() {
        assertThat(html("a\r\nb\rc")).isEqualTo("a\nb\nc");
    }

    @Test
    void anUnterminatedSequenceAtTheEndIsDropped() {
        assertThat(html("ok\u001b[31")).isEqualTo("ok");
        assertThat(html("ok\u001b")).isEqualTo("ok");
    }

    @Test
    void shortBlocksAreNotCollapsed() {
        TextBlock block = TerminalText.block("1\n2\n3\n", Keep.TAIL);
        assertThat(block.collapsed()).isFalse();
        assertThat(block.shown().markup()).isEqualTo("1\n2\n3");
    }

    @Test
    void longOutputKeepsItsLastTenLinesInView() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            text.append("\u001b[31mline ").append(i).append("\n");
        }
        TextBlock block = TerminalText.block(text.toString(), Keep.TAIL);
        assertThat(block.collapsed()).isTrue();
        assertThat(block.hiddenFirst()).isTrue();
        assertThat(block.hiddenLines()).isEqualTo(20);
        assertThat(block.hidden().markup()).startsWith("<span class=\"f1\">line 1</span>\n")
                .endsWith("<span class=\"f1\">line 20</span>");
        assertThat(block.shown().markup()).startsWith("<span class=\"f1\">line 21</span>")
                .endsWith("line 30</span>");
    }

    @Test
    void longInfoKeepsItsFirstTenLinesInView() {
        TextBlock block = TerminalText.block("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13", Keep.HEAD);
        assertThat(block.shown().markup()).isEqualTo("l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10");
        assertThat(block.hidden().markup()).isEqualTo("l11\nl12\nl13");
        assertThat(block.hiddenFirst()).isFalse();
    }
}
