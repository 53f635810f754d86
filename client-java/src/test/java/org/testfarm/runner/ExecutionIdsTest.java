package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.testfarm.testing.ManualClock;

class ExecutionIdsTest {

    @Test
    void id_isTheLocalTimeOfTheClocksZone() {
        Clock clock = Clock.fixed(Instant.parse("2013-03-01T09:10:10.750Z"), ZoneOffset.ofHours(1));
        assertThat(new ExecutionIds(clock).next()).isEqualTo("20130301-101010");
    }

    @Test
    void idsWithinOneSecond_takeTheNextSeconds_andACaughtUpClockIsUsedAgain() {
        Instant start = Instant.parse("2013-03-01T10:10:10Z");
        ManualClock clock = new ManualClock(start);
        ExecutionIds ids = new ExecutionIds(clock);

        assertThat(ids.next()).isEqualTo("20130301-101010");
        assertThat(ids.next()).isEqualTo("20130301-101011");
        assertThat(ids.next()).isEqualTo("20130301-101012");
        clock.set(start.plus(Duration.ofSeconds(5)));
        assertThat(ids.next()).isEqualTo("20130301-101015");
    }

    @Test
    void clockGoingBackwards_stillGivesIncreasingIds() {
        ManualClock clock = new ManualClock(Instant.parse("2013-03-01T10:10:10Z"));
        ExecutionIds ids = new ExecutionIds(clock);
        ids.next();
        clock.advance(Duration.ofSeconds(-3600));

        assertThat(ids.next()).isEqualTo("20130301-101011");
    }

    @Test
    void after_anIdFromAnotherProcess_idsComeLater_andMalformedOnesAreIgnored() {
        ExecutionIds ids = new ExecutionIds(Clock.fixed(Instant.parse("2013-03-01T10:10:10Z"), ZoneOffset.UTC));
        ids.after("not an id");
        ids.after("20130301-101012");
        ids.after("20130301-101011");

        assertThat(ids.next()).isEqualTo("20130301-101013");
    }
}
