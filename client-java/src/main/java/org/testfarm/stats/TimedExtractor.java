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
}
