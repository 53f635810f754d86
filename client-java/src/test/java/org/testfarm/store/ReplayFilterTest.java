package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;

class ReplayFilterTest {

    static final CommandEnded OK = new CommandEnded(1, 1, "", true, null, Map.of());

    /** A v1 client's task: every command numbered 1, successful ones reporting the same end. */
    static final List<ExecutionEvent> V1_RUN = List.of(
            new ExecutionStarted(Map.of()), new TaskStarted(1, "first"),
            new CommandStarted(1, 1, "echo hello"), OK,
            new CommandStarted(1, 1, "cd /tmp"), OK,
            new CommandStarted(1, 1, "make"), OK,
            new CommandStarted(1, 1, "make"), OK,
            new TaskEnded(1, true), new ExecutionEnded(true, "20261126-120000"));

    @Test
    void everyEventOfAV1RunIsNewThoughNumbersAndEndsRepeat() {
        ReplayFilter filter = new ReplayFilter();
        assertThat(V1_RUN).allMatch(filter::admit);
    }

    @Test
    void resendingTheLastEventAfterALostAcknowledgementIsAReplayAtEveryPoint() {
        for (int cut = 1; cut <= V1_RUN.size(); cut++) {
            ReplayFilter filter = new ReplayFilter();
            for (ExecutionEvent event : V1_RUN.subList(0, cut)) {
                assertThat(filter.admit(event)).isTrue();
            }
            assertThat(filter.admit(V1_RUN.get(cut - 1))).as("resending event %d", cut - 1).isFalse();
            for (ExecutionEvent event : V1_RUN.subList(cut, V1_RUN.size())) {
                assertThat(filter.admit(event)).isTrue();
            }
        }
    }

    @Test
    void aCommandStartedWhileTheSameOneIsOpenIsAReplay() {
        ReplayFilter filter = new ReplayFilter();
        filter.admit(new CommandStarted(2, 3, "make test"));
        assertThat(filter.admit(new CommandStarted(2, 3, "make test"))).isFalse();
        assertThat(filter.admit(new CommandStarted(2, 4, "make test"))).isTrue();
    }

    @Test
    void properlyNumberedEventsRepeatedAreReplays() {
        ReplayFilter filter = new ReplayFilter();
        List<ExecutionEvent> run = List.of(new TaskStarted(1, "b"), new CommandStarted(1, 1, "a"),
                new CommandEnded(1, 1, "", true, null, Map.of()), new CommandStarted(1, 2, "b"),
                new CommandEnded(1, 2, "x", false, "i", Map.of("n", 1)), new TaskEnded(1, false));
        run.forEach(filter::admit);
        assertThat(run).noneMatch(filter::admit);
    }
}
