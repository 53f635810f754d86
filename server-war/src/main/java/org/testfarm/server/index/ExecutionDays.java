package org.testfarm.server.index;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.testfarm.event.ExecutionRef;
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
        return startOf(ref.execution()).map(LocalDateTime::toLocalDate)
                .orElseGet(() -> LocalDate.ofInstant(store.lastActivity(ref), zone));
    }
}
