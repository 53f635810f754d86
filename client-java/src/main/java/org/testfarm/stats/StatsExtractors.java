package org.testfarm.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ready-made stats extractors for {@code Command.withStats}: plain
 * {@code Function<String, Map<String, Number>>} values reading a command's output.
 * Test counts use the names {@code tests}, {@code passed}, {@code failures},
 * {@code errors} and {@code skipped}; an output without the expected summary
 * gives an empty map. A custom extractor is any such function.
 *
 * <pre>{@code
 * Command.of("mvn -B verify").withStats(StatsExtractors.all(
 *         StatsExtractors.surefire(), StatsExtractors.elapsedSeconds()));
 * }</pre>
 */
public final class StatsExtractors {

    private StatsExtractors() {
    }

    /** Python unittest: {@code Ran 42 tests in 0.1s} and {@code FAILED (failures=1, errors=2)}. */
    public static Function<String, Map<String, Number>> unittest() {
        return UnittestSummary::parse;
    }

    /** pytest: {@code ==== 3 failed, 10 passed, 2 skipped in 0.12s ====}. */
    public static Function<String, Map<String, Number>> pytest() {
        return PytestSummary::parse;
    }

    /** Maven Surefire/Failsafe and JUnit: {@code Tests run: 12, Failures: 1, Errors: 0, Skipped: 2}. */
    public static Function<String, Map<String, Number>> surefire() {
        return SurefireSummary::parse;
    }

    /** CTest: {@code 95% tests passed, 1 tests failed out of 20}. */
    public static Function<String, Map<String, Number>> ctest() {
        return CtestSummary::parse;
    }

    /** CppUnit: {@code OK (12 tests)} or {@code Run: 12 Failures: 1 Errors: 0}. */
    public static Function<String, Map<String, Number>> cppunit() {
        return CppunitSummary::parse;
    }

    /**
     * Non-blank lines per file extension of the tree at {@code root}, read when
     * the command has ended (its output is not used): {@code sloc.java}, ...
     */
    public static Function<String, Map<String, Number>> sourceLines(Path root) {
        return output -> SourceLineCounter.count(root, extension -> true);
    }

    /** As {@link #sourceLines(Path)}, for the given extensions only ({@code "java"}, {@code "py"}). */
    public static Function<String, Map<String, Number>> sourceLines(Path root, Set<String> extensions) {
        Set<String> wanted = extensions.stream().map(e -> e.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return output -> SourceLineCounter.count(root, wanted::contains);
    }

    /** How long the command ran, in seconds: {@code elapsed_seconds}. */
    public static TimedExtractor elapsedSeconds() {
        return elapsedSeconds("elapsed_seconds");
    }

    /** How long the command ran, in seconds (to the millisecond), under {@code name}. */
    public static TimedExtractor elapsedSeconds(String name) {
        return (output, elapsed) -> Map.of(name, elapsed.toMillis() / 1000.0);
    }

    /** The stats of all {@code extractors} in one map; for a name given twice, the later one wins. */
    @SafeVarargs
    public static TimedExtractor all(Function<String, Map<String, Number>>... extractors) {
        List<Function<String, Map<String, Number>>> list = new ArrayList<>();
        for (Function<String, Map<String, Number>> extractor : extractors) {
            list.add(Objects.requireNonNull(extractor, "extractor"));
        }
        return (output, elapsed) -> {
            Map<String, Number> merged = new LinkedHashMap<>();
            for (Function<String, Map<String, Number>> extractor : list) {
                merged.putAll(TimedExtractor.extract(extractor, output, elapsed));
            }
            return merged;
        };
    }
}
