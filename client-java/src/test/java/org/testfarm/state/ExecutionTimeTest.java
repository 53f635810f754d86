package org.testfarm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.testfarm.store.LogStore;

/** The quick reading of execution names gives exactly what the formatter gives. */
class ExecutionTimeTest {

    @Test
    void readsEveryNameAsTheFormatterDoes() {
        List<String> odd = List.of("20260101-080000", "20261231-235959", "20240229-120000", "20250229-120000",
                "20260431-101010", "20261301-000000", "20260100-000000", "20260101-240000", "20260101-236000",
                "20260101-235960", "00000101-000000", "00010101-000000", "99991231-235959", "2026010-1080000",
                "20260101 080000", "2026010a-080000", "20260101-08000", "20260101-0800000", "", "latest",
                "２０２６0101-080000", "-2026010-080000");
        odd.forEach(id -> assertThat(ExecutionState.parseTime(id)).as(id).isEqualTo(formatter(id)));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String id = String.format("%04d%02d%02d-%02d%02d%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(61));
            assertThat(ExecutionState.parseTime(id)).as(id).isEqualTo(formatter(id));
        }
    }

    private static Optional<LocalDateTime> formatter(String id) {
        try {
            return Optional.of(LocalDateTime.parse(id, LogStore.EXECUTION_FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
