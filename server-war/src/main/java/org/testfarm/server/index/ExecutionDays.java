package org.testfarm.server.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.testfarm.event.ExecutionRef;
import org.testfarm.state.Digits;
import org.testfarm.store.LogStore;

/**
 * The day an execution belongs to in the history: the date of its id
 * ({@code YYYYmmdd-HHMMSS}), read without opening anything, or else the day its
 * files last changed.
 */
public final class ExecutionDays {

    private ExecutionDays() {}

    public static Optional<LocalDateTime> startOf(String execution) {
        if (execution.length() != 15) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(execution, LogStore.EXECUTION_FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static LocalDate dayOf(LogStore store, ExecutionRef ref, ZoneId zone) {
        LocalDate day = quickDay(ref.execution());
        return day != null ? day : LocalDate.ofInstant(store.lastActivity(ref), zone);
    }

    /** Whether the day of an execution comes from its id alone (not from file times, which change). */
    public static boolean fromId(String id) {
        return quickDay(id) != null;
    }

    /** The date of an id {@code YYYYmmdd-HHMMSS}, read digit by digit; null if it is not one. */
    static LocalDate quickDay(String id) {
        if (id.length() != 15 || id.charAt(8) != '-') {
            return null;
        }
        int year = Digits.of(id, 0, 4);
        int month = Digits.of(id, 4, 6);
        int day = Digits.of(id, 6, 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || Digits.of(id, 9, 15) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
