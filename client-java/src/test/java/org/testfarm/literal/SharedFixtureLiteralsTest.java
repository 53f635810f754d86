package org.testfarm.literal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every literal in {@code shared/fixtures}, as the existing Python client and server wrote them. */
class SharedFixtureLiteralsTest {

    private static Path shared() {
        String configured = System.getProperty("testfarm.shared");
        return Path.of(configured != null ? configured : "../../shared").toAbsolutePath().normalize();
    }

    private static Path wire() {
        return shared().resolve("fixtures/wire");
    }

    private static Path logTree() {
        return shared().resolve("fixtures/upstream-logtree");
    }

    static List<Path> capturedRequests() throws IOException {
        try (Stream<Path> files = Files.walk(wire())) {
            return files.filter(f -> f.toString().endsWith(".http")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void fixturesArePresent() throws IOException {
        assertThat(capturedRequests()).as("requests under " + wire()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(logTreeLiteralFiles()).as("literal files under " + logTree()).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedRequests")
    void everyFieldOfEveryCapturedRequestParses(Path request) throws IOException {
        CapturedRequest captured = CapturedRequest.read(request);
        assertThat(captured.fields()).isNotEmpty().containsKeys("project", "client");
        captured.fields().forEach((name, literal) -> assertThatCode(() -> PyLiteral.parse(literal))
                .as("%s field %s", request.getFileName(), name)
                .doesNotThrowAnyException());
        assertThat(PyLiteral.parse(captured.fields().get("project"))).isEqualTo("CaptureProject");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedRequests")
    void everyFieldIsWrittenBackExactlyAsThePythonClientSentIt(Path request) throws IOException {
        // the client sent repr() of str, int, bool, None, list of tuples and dicts of one
        // key or none: our format must reproduce each byte, dict order aside
        CapturedRequest captured = CapturedRequest.read(request);
        captured.fields().forEach((name, literal) -> {
            Object value = PyLiteral.parse(literal);
            if (!(value instanceof Map<?, ?> map && map.size() > 1)) {
                assertThat(PyLiteral.format(value)).as("%s field %s", request.getFileName(), name)
                        .isEqualTo(literal);
            }
        });
    }

    @Test
    void changeLogInfoOfGitRunDecodesItsUtf8Bytes() throws IOException {
        CapturedRequest request = CapturedRequest.read(wire().resolve("upstream-run-git/05-commandEnds.http"));
        assertThat(request.method()).isEqualTo("commandEnds");
        assertThat(PyLiteral.parse(request.fields().get("info"))).isEqualTo(
                ":: d7bd923d8d10a3b35d2ef0a9fd80501828d5fd98 - Dev One <dev@example.org>\nsecond: add b\n\n"
                + ":: 060825cc3eaeac23f8040b76d5af444ad5beec48 - Dev One <dev@example.org>\nthird: café ünicode\n\n");
        assertThat(PyLiteral.parse(request.fields().get("ok"))).isEqualTo(true);
        assertThat(PyLiteral.parse(request.fields().get("stats"))).isEqualTo(Map.of());
        assertThat(PyLiteral.parse(request.fields().get("task"))).isEqualTo(1L);
    }

    @Test
    void doubleEscapedOutputOfBasicRunKeepsBackslashTextButDecodesEscapeBytes() throws IOException {
        CapturedRequest request = CapturedRequest.read(wire().resolve("upstream-run-basic/15-commandEnds.http"));
        assertThat(PyLiteral.parse(request.fields().get("output")))
                .isEqualTo("\u001b[31mred\u001b[0m caf\\xc3\\xa9\n");
        assertThat(PyLiteral.parse(request.fields().get("info"))).isNull();
        assertThat(PyLiteral.parse(request.fields().get("ok"))).isEqualTo(false);
    }

    @Test
    void commandLineWithQuotesUsesDoubleQuotedLiteral() throws IOException {
        CapturedRequest request = CapturedRequest.read(wire().resolve("upstream-run-basic/14-commandStarts.http"));
        assertThat(PyLiteral.parse(request.fields().get("commandline")))
                .isEqualTo("printf '\\033[31mred\\033[0m caf\\xc3\\xa9\\n'; false");
    }

    @Test
    void statsOfBasicRunAreADictOfNumbers() throws IOException {
        CapturedRequest request = CapturedRequest.read(wire().resolve("upstream-run-basic/07-commandEnds.http"));
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("tests", 12L);
        expected.put("ratio", 0.5);
        assertThat(PyLiteral.parse(request.fields().get("stats"))).isEqualTo(expected);
    }

    @Test
    void snapshotOfGitRunIsAListOfThreeTuples() throws IOException {
        CapturedRequest request = CapturedRequest.read(wire().resolve("upstream-run-git/02-executionStarts.http"));
        assertThat(PyLiteral.parse(request.fields().get("snapshot"))).isEqualTo(List.of(
                PyTuple.of("sandbox", "Dev One <dev@example.org>", "d7bd923d8d10a3b35d2ef0a9fd80501828d5fd98"),
                PyTuple.of("sandbox", "Dev One <dev@example.org>", "060825cc3eaeac23f8040b76d5af444ad5beec48")));
    }

    /** metadata, *.info and *.log files: one literal each; idle is a date, stats is read per line. */
    static List<Path> logTreeLiteralFiles() throws IOException {
        try (Stream<Path> files = Files.walk(logTree())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.equals("metadata") || name.endsWith(".info") || name.endsWith(".log");
                    })
                    .sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logTreeLiteralFiles")
    void everyLiteralFileOfTheUpstreamLogTreeParses(Path file) throws IOException {
        Object value = PyLiteral.parse(Files.readString(file, StandardCharsets.UTF_8));
        String name = file.getFileName().toString();
        if (name.endsWith(".log")) {
            assertThat(value).isInstanceOf(List.class);
            assertThat((List<?>) value).allSatisfy(event -> assertThat(event).isInstanceOf(PyTuple.class));
        } else {
            assertThat(value).isInstanceOf(Map.class);
        }
    }

    static List<Path> statsFiles() throws IOException {
        try (Stream<Path> files = Files.walk(logTree())) {
            return files.filter(f -> f.getFileName().toString().equals("stats")).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statsFiles")
    void everyStatsLineIsATupleOfExecutionKeyAndNumber(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            assertThat(line).endsWith(",");
            Object value = PyLiteral.parse(line.substring(0, line.length() - 1));
            assertThat(value).isInstanceOf(PyTuple.class);
            PyTuple stat = (PyTuple) value;
            assertThat(stat.size()).isEqualTo(3);
            assertThat(stat.get(0)).isInstanceOf(String.class);
            assertThat(stat.get(1)).isInstanceOf(String.class);
            assertThat(stat.get(2)).isInstanceOf(Number.class);
        }
    }

    @Test
    void failingLogOfLinuxClientDecodesItsOutputAndStats() throws IOException {
        Path log = logTree().resolve("myproject/linux-debian/20130302-101010.log");
        List<?> events = (List<?>) PyLiteral.parse(Files.readString(log, StandardCharsets.UTF_8));
        assertThat(events).hasSize(8);
        assertThat(events.get(0)).isEqualTo(PyTuple.of("startExecution"));
        PyTuple failingCommand = (PyTuple) events.get(5);
        assertThat(failingCommand.items()).containsExactly("endCommand", 1L, 2L,
                "\u001b[31mFAIL\u001b[0m test_foo\ncafé\n".repeat(3), false, "Ran 121 tests", Map.of("tests", 121L));
        assertThat(events.get(7)).isEqualTo(PyTuple.of("endExecution", false, "20130305-120000"));
    }

    @Test
    void statsOfLinuxClientReadInFileOrder() throws IOException {
        Path stats = logTree().resolve("myproject/linux-debian/stats");
        List<Object> values = new ArrayList<>();
        for (String line : Files.readAllLines(stats, StandardCharsets.UTF_8)) {
            values.add(PyLiteral.parse(line.substring(0, line.length() - 1)));
        }
        assertThat(values).startsWith(PyTuple.of("20130301-101010", "warnings", 3L))
                .endsWith(PyTuple.of("20130303-101010", "time", 12.5));
    }

    @Test
    void projectMetadataKeepsHtmlAsText() throws IOException {
        Path metadata = logTree().resolve("myproject/metadata");
        assertThat(PyLiteral.parse(Files.readString(metadata, StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("description", "My <b>project</b>", "briefDescription", "Example project"));
    }
}
