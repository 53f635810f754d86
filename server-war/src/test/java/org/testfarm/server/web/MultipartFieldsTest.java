package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.wire.BadRequestException;

class MultipartFieldsTest {

    static final String BOUNDARY = "----------Nobody-expects-the-Spanish-Inquisition";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static Map<String, String> parse(String body) {
        return MultipartFields.parse(TYPE, bytes(body), 64);
    }

    @Test
    void readsTheFieldsADeployedPythonClientSends() {
        Map<String, String> fields = parse(part("execution", "'20261126-032845'") + part("project", "'CaptureProject'")
                + part("output", "''") + "--" + BOUNDARY + "--\r\n");
        assertThat(fields).containsExactly(Map.entry("execution", "'20261126-032845'"),
                Map.entry("project", "'CaptureProject'"), Map.entry("output", "''"));
    }

    @Test
    void keepsLineEndsDashesAndUtf8InsideValues() {
        String value = "'line one\r\n--not a boundary\r\n-- " + BOUNDARY + " \u00e9\u4e2d'\r\n";
        Map<String, String> fields = parse(part("output", value) + part("empty", "") + "--" + BOUNDARY + "--");
        assertThat(fields.get("output")).isEqualTo(value);
        assertThat(fields.get("empty")).isEmpty();
    }

    @Test
    void acceptsAQuotedBoundaryAPreambleAnEpilogueAndPaddingAfterDelimiters() {
        String body = "a preamble\r\n--" + BOUNDARY + "  \r\nContent-Type: text/plain\r\n"
                + "content-disposition: form-data; name=task\r\n\r\n1\r\n--" + BOUNDARY + "--\r\nan epilogue";
        assertThat(MultipartFields.parse("multipart/form-data; charset=utf-8; boundary=\"" + BOUNDARY + "\"",
                bytes(body), 64)).containsExactly(Map.entry("task", "1"));
    }

    @Test
    void theLastOfARepeatedFieldWins() {
        assertThat(parse(part("task", "1") + part("task", "2") + "--" + BOUNDARY + "--"))
                .containsExactly(Map.entry("task", "2"));
    }

    @Test
    void malformedBodiesAreBadRequests() {
        assertThatThrownBy(() -> parse("no boundary at all")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("boundary is missing");
        assertThatThrownBy(() -> parse(part("task", "1"))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("ends inside a part");
        assertThatThrownBy(() -> parse("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"task\""))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("headers are cut short");
        assertThatThrownBy(() -> parse("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\n1\r\n--" + BOUNDARY
                + "--")).isInstanceOf(BadRequestException.class).hasMessageContaining("no form-data name");
        assertThatThrownBy(() -> parse("--" + BOUNDARY + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--"
                + BOUNDARY + "--")).isInstanceOf(BadRequestException.class).hasMessageContaining("not form-data");
        assertThatThrownBy(() -> parse("--" + BOUNDARY + "X\r\n")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("not followed by a line end");
        assertThatThrownBy(() -> MultipartFields.parse("multipart/form-data", bytes(part("a", "1")), 64))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("no usable boundary");
        assertThatThrownBy(() -> MultipartFields.parse("multipart/form-data; boundary=" + "b".repeat(71),
                bytes(part("a", "1")), 64)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void morePartsThanTheLimitAreRefusedAsTooLarge() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            body.append(part("f" + i, "1"));
        }
        body.append("--").append(BOUNDARY).append("--");
        assertThat(MultipartFields.parse(TYPE, bytes(body.toString()), 5)).hasSize(5);
        assertThatThrownBy(() -> MultipartFields.parse(TYPE, bytes(body.toString()), 4))
                .isInstanceOf(RequestTooLargeException.class).hasMessageContaining("more than 4 parts");
    }
}
