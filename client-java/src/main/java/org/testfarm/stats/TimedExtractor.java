package org.testfarm.stats;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A stats extractor that also wants to know how long the command ran; the engine
 * calls {@link #apply(String, Duration)} on it instead of {@link #apply(String)}.
 * Still a plain {@code Function<String, Map<String, Number>>} everywhere else.
 */
@FunctionalInterface
public interface TimedExtractor extends Function<String, Map<String, Number>> {

    Map<String, Number> apply(String output, Duration elapsed);

    /** Without a duration: as if the command took no time. */
    @Override
    default Map<String, Number> apply(String output) {
        return apply(output, Duration.ZERO);
    }

    /**
     * What {@code extractor} finds in {@code output}: given {@code elapsed} as
     * well when it is a timed one; an empty map for null.
     */
    static Map<String, Number> extract(Function<String, Map<String, Number>> extractor, String output,
                                       Duration elapsed) {
        Map<String, Number> stats = extractor instanceof TimedExtractor timed
                ? timed.apply(output, elapsed) : extractor.apply(output);
        return stats == null ? Map.of() : stats;
    }
}
