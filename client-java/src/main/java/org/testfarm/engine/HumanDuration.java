package org.testfarm.engine;

import java.time.Duration;

/** Durations the way people read them: {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 01 min}. */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
