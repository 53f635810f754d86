package org.testfarm.server.page;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Times as pages show them: each form what its own pattern makes, whatever the year. */
class TimeViewTest {

    @Test
    void eachFormIsWhatItsPatternMakes() {
        for (LocalDateTime time : List.of(LocalDateTime.of(2013, 3, 4, 11, 11, 7), LocalDateTime.of(2026, 12, 31, 23, 59, 59),
                LocalDateTime.of(1999, 1, 1, 0, 0), LocalDateTime.of(5, 6, 7, 8, 9, 10),
                LocalDateTime.of(12026, 1, 2, 3, 4, 5), LocalDateTime.of(-44, 3, 15, 12, 0))) {
            TimeView view = TimeView.of(time);
            assertThat(view.iso()).as("iso").isEqualTo(TimeView.ISO.format(time));
            assertThat(view.text()).as("text").isEqualTo(TimeView.TEXT.format(time));
            assertThat(view.clock()).as("clock").isEqualTo(TimeView.CLOCK.format(time));
            assertThat(view.known()).isTrue();
        }
        assertThat(TimeView.of(LocalDateTime.of(2013, 3, 4, 11, 11, 7)))
                .isEqualTo(new TimeView("2013-03-04 11:11", "2013-03-04T11:11:07", "11:11"));
    }

    @Test
    void anUnknownTimeIsEmpty() {
        assertThat(TimeView.of(Optional.empty())).isEqualTo(TimeView.NONE);
        assertThat(TimeView.NONE.known()).isFalse();
    }
}
