package org.testfarm.server.page;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A time as pages show it: {@code text} for people ("2013-03-04 11:11"), {@code iso}
 * for the {@code datetime} attribute, both empty when the time is unknown.
 */
public record TimeView(String text, String iso, String clock) {

    public static final TimeView NONE = new TimeView("", "", "");

    static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    public static TimeView of(LocalDateTime time) {
        if (time == null) {
            return NONE;
        }
        String iso = ISO.format(time);
        if (iso.length() == 19) { // yyyy-MM-ddTHH:mm:ss: the other two are cut from it, not formatted again
            String clock = iso.substring(11, 16);
            return new TimeView(iso.substring(0, 10) + ' ' + clock, iso, clock);
        }
        return new TimeView(TEXT.format(time), iso, CLOCK.format(time));
    }

    public static TimeView of(Optional<LocalDateTime> time) {
        return of(time.orElse(null));
    }

    public boolean known() {
        return !iso.isEmpty();
    }
}
