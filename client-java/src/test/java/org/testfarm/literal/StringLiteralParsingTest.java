package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StringLiteralParsingTest {

    static Stream<Arguments> quotesAndPrefixes() {
        return Stream.of(
                Arguments.of("'plain'", "plain"),
                Arguments.of("\"double\"", "double"),
                Arguments.of("\"it's\"", "it's"),
                Arguments.of("'say \"hi\"'", "say \"hi\""),
                Arguments.of("''", ""),
                Arguments.of("\"\"", ""),
                Arguments.of("'''tri'ple'''", "tri'ple"),
                Arguments.of("\"\"\"two \"\" quotes\"\"\"", "two \"\" quotes"),
                Arguments.of("'''line\nbreak\r\nkept'''", "line\nbreak\r\nkept"),
                Arguments.of("''''quoted start'''", "'quoted start"),
                Arguments.of("''''''", ""),
                Arguments.of("u'u'", "u"),
                Arguments.of("U'U'", "U"),
                Arguments.of("b'b'", "b"),
                Arguments.of("B'B'", "B"),
                Arguments.of("r'r'", "r"),
                Arguments.of("R'R'", "R"),
                Arguments.of("ur'ur'", "ur"),
                Arguments.of("UR'UR'", "UR"),
                Arguments.of("uR'uR'", "uR"),
                Arguments.of("Ur'''Ur'''", "Ur"),
                Arguments.of("br\"br\"", "br"),
                Arguments.of("BR'BR'", "BR"),
                Arguments.of("bR'bR'", "bR"),
                Arguments.of("Br'Br'", "Br"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotesAndPrefixes")
    void everyQuoteStyleAndPrefixReadsItsText(String literal, String expected) {
        assertThat(PyLiteral.parse(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("'a\\\\b'", "a\\b"),
                Arguments.of("'it\\'s'", "it's"),
                Arguments.of("\"say \\\"hi\\\"\"", "say \"hi\""),
                Arguments.of("'\\n\\r\\t'", "\n\r\t"),
                Arguments.of("'\\a\\b\\f\\v'", "\u0007\b\f\u000b"),
                Arguments.of("'\\0'", "\0"),
                Arguments.of("'\\x41\\x7e'", "A~"),
                Arguments.of("'\\x1b[31m'", "\u001b[31m"),
                Arguments.of("'\\101\\12\\7'", "A\n\u0007"),
                Arguments.of("'\\1234'", "S4"),
                Arguments.of("'one \\\ntwo'", "one two"),
                Arguments.of("'one \\\r\ntwo'", "one two"),
                Arguments.of("'\\q\\8\\%'", "\\q\\8\\%"),
                Arguments.of("'\\u00e9\\U0001F600\\N{DASH}'", "\\u00e9\\U0001F600\\N{DASH}"),
                Arguments.of("u'\\u00e9'", "é"),
                Arguments.of("u'\\U0001F600'", "\uD83D\uDE00"),
                Arguments.of("u'\\xe9'", "é"),
                Arguments.of("u'\\351'", "é"),
                Arguments.of("u'\\777'", "\u01ff"),
                Arguments.of("u'\\N{LATIN SMALL LETTER E WITH ACUTE}'", "é"),
                Arguments.of("u'\\q'", "\\q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapesDecodeLikePython2(String literal, String expected) {
        assertThat(PyLiteral.parse(literal)).isEqualTo(expected);
    }

    static Stream<Arguments> rawStrings() {
        return Stream.of(
                Arguments.of("r'\\n'", "\\n"),
                Arguments.of("r'\\''", "\\'"),
                Arguments.of("r\"\\\"\"", "\\\""),
                Arguments.of("r'a\\\\'", "a\\\\"),
                Arguments.of("r'\\x41'", "\\x41"),
                Arguments.of("r'a\\\nb'", "a\\\nb"),
                Arguments.of("ur'\\u0041'", "A"),
                Arguments.of("ur'\\U0001F600'", "\uD83D\uDE00"),
                Arguments.of("ur'\\\\u0041'", "\\\\u0041"),
                Arguments.of("ur'\\\\\\u0041'", "\\\\A"),
                Arguments.of("ur'\\x41\\n'", "\\x41\\n"),
                Arguments.of("br'\\u0041'", "\\u0041"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawStrings")
    void rawStringsKeepBackslashesButUnicodeRawStillReadsCodePointEscapes(String literal, String expected) {
        assertThat(PyLiteral.parse(literal)).isEqualTo(expected);
    }

    @Test
    void byteStringEscapesAreUtf8Bytes() {
        assertThat(PyLiteral.parse("'caf\\xc3\\xa9'")).isEqualTo("café");
        assertThat(PyLiteral.parse("'caf\\303\\251'")).isEqualTo("café");
        assertThat(PyLiteral.parse("'\\xf0\\x9f\\x98\\x80'")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void invalidUtf8InByteStringBecomesReplacementCharacterNotLatin1() {
        assertThat(PyLiteral.parse("'caf\\xe9'")).isEqualTo("caf\uFFFD");
        assertThat(PyLiteral.parse("'\\xc3'")).isEqualTo("\uFFFD");
        assertThat(PyLiteral.parse("'\\xff\\xfe'")).isEqualTo("\uFFFD\uFFFD");
        assertThat(PyLiteral.parse("'\\xed\\xa0\\x80'")).asString().doesNotContain("\uD800");
    }

    @Test
    void octalEscapeAboveByteRangeWrapsInByteStringLikePython2() {
        assertThat(PyLiteral.parse("'\\777'")).isEqualTo("\uFFFD");
        assertThat(PyLiteral.parse("'\\541'")).isEqualTo("a");
    }

    @Test
    void rawNonAsciiCharactersInByteStringAreTakenAsTheirUtf8Bytes() {
        assertThat(PyLiteral.parse("'café \uD83D\uDE00'")).isEqualTo("café \uD83D\uDE00");
    }

    @Test
    void escapedBytesAndRawCharactersJoinIntoOneUtf8Sequence() {
        // \xc3 then a raw U+00A9 (bytes c2 a9): c3 c2 is invalid, c2 a9 is ©
        assertThat(PyLiteral.parse("'\\xc3\u00a9'")).isEqualTo("\uFFFD\u00a9");
        // \xc3 then \xa9 escaped: one é
        assertThat(PyLiteral.parse("'\\xc3\\xa9'")).isEqualTo("é");
    }

    @Test
    void unicodeStringKeepsRawCharactersAndLoneSurrogatesFromEscapes() {
        assertThat(PyLiteral.parse("u'café'")).isEqualTo("café");
        assertThat(PyLiteral.parse("u'\\ud800'")).isEqualTo("\uD800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'abc", "'abc\\'", "'''abc''", "\"abc'", "r'\\'", "u'", "'\\"})
    void unterminatedStringIsReportedAtItsStart(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(" " + literal))
                .isInstanceOf(LiteralException.class)
                .hasMessageStartingWith("malformed literal at offset 1: unterminated string");
    }

    @Test
    void lineBreakInsideSingleQuotedStringIsRejected() {
        assertThatThrownBy(() -> PyLiteral.parse("'one\ntwo'"))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("offset 4")
                .hasMessageContaining("line break inside a single-quoted string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'\\x4'", "'\\xg0'", "u'\\u12'", "u'\\U0001F60'", "ur'\\u004'"})
    void truncatedHexEscapesAreRejected(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(literal))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void codePointEscapeBeyondUnicodeIsRejected() {
        assertThatThrownBy(() -> PyLiteral.parse("u'\\U00110000'"))
                .isInstanceOf(LiteralException.class)
                .hasMessageContaining("beyond U+10FFFF");
        assertThatThrownBy(() -> PyLiteral.parse("u'\\UFFFFFFFF'"))
                .isInstanceOf(LiteralException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"u'\\N{NO SUCH CHARACTER NAME}'", "u'\\N'", "u'\\N{DASH'"})
    void badNamedEscapeIsRejected(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(literal)).isInstanceOf(LiteralException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rb'x'", "ub'x'", "bu'x'", "f'x'", "x'y'"})
    void prefixesThatPython2DoesNotKnowAreRejected(String literal) {
        assertThatThrownBy(() -> PyLiteral.parse(literal)).isInstanceOf(LiteralException.class);
    }

    @Test
    void adjacentStringsAreNotConcatenated() {
        assertThatThrownBy(() -> PyLiteral.parse("'a' 'b'"))
                .isInstanceOf(LiteralException.class)
                .hasMessage("malformed literal at offset 4: unexpected \"'\" after the end of the literal");
    }

    @Test
    void utf8BytesParseAsTheirDecodedText() {
        for (String literal : new String[] {"[('startTask', 1, 'task 1'), None, True, 2.5]", "'caf\u00e9'",
            "u'\u65e5\u672c \\u00e9'", "{'k': [\"x\", '''y'''], 'n': -0x10}", "  'spaced'  "}) {
            byte[] utf8 = literal.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(PyLiteral.parseUtf8(utf8)).as(literal).isEqualTo(PyLiteral.parse(literal));
        }
    }

    @Test
    void invalidUtf8BecomesTheReplacementCharacterAsWhenDecodedFirst() {
        byte[] invalid = {'\'', 'a', (byte) 0xff, (byte) 0xc3, '\''};
        assertThat(PyLiteral.parseUtf8(invalid)).isEqualTo("a\uFFFD\uFFFD")
                .isEqualTo(PyLiteral.parse(new String(invalid, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void utf8BytesAreHeldToTheSameRulesAndLimits() {
        assertThatThrownBy(() -> PyLiteral.parseUtf8("[1, 2".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(LiteralException.class);
        byte[] tooLong = new byte[LiteralLimits.DEFAULT.maxLength() + 1];
        java.util.Arrays.fill(tooLong, (byte) ' ');
        tooLong[0] = '1';
        assertThatThrownBy(() -> PyLiteral.parseUtf8(tooLong)).isInstanceOf(LiteralException.class)
                .hasMessageContaining("too long");
    }
}
