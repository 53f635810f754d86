package org.testfarm.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.testing.ManualClock;

class ConsoleListenerTest {

    private static final ExecutionRef REF = new ExecutionRef("Demo", "laptop", "20240301-101010");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:10:10Z"));

    private ConsoleListener console(boolean colours) {
        return new ConsoleListener(new PrintStream(bytes, true, UTF_8)).colours(colours).clock(clock);
    }

    private String printed() {
        return bytes.toString(UTF_8);
    }

    private void runCommand(ConsoleListener console, int number, String line, Duration took, boolean ok,
                            String output) {
        console.commandStarted(REF, 1, number, line);
        clock.advance(took);
        console.commandEnded(REF, 1, number, output, ok, null, Map.of());
    }

    @Test
    void plainProgressShowsTasksCommandsVerdictsAndTimeOfSlowCommandsOnly() {
        ConsoleListener console = console(false);

        console.executionStarted(REF, Map.of("snapshot", List.of()));
        console.taskStarted(REF, 1, "build");
        runCommand(console, 1, "./configure", Duration.ofMillis(400), true, "");
        runCommand(console, 2, "make", Duration.ofSeconds(75), true, "");
        runCommand(console, 3, "make check", Duration.ofSeconds(4), false,
                "checking parser\n\u001b[31mtest_parser.c:12: expected 3, got 4\n\u001b[0m");
        console.taskEnded(REF, 1, false);
        console.executionEnded(REF, false);

        assertThat(printed()).isEqualTo("""
                == Execution Demo/laptop/20240301-101010
                -- Task 1: build
                   $ ./configure ... [ ok ]
                   $ make ... [ ok ] 1 min 15 s
                   $ make check ... [ failure ] 4.0 s
                   | checking parser
                   | test_parser.c:12: expected 3, got 4
                == Execution ended: [ failure ]
                """);
    }

    @Test
    void colouredProgressPaintsOkGreenFailureRedAndKeepsTheOutputsRed() {
        ConsoleListener console = console(true);

        console.taskStarted(REF, 2, "tests");
        runCommand(console, 1, "true", Duration.ZERO, true, "");
        runCommand(console, 2, "false", Duration.ZERO, false, "\u001b[31mboom\n\u001b[0m");
        console.executionEnded(REF, null);

        assertThat(printed()).isEqualTo(
                "\u001b[1m-- Task 2: tests\u001b[0m\n"
                + "   $ true ... \u001b[32m[ ok ]\u001b[0m\n"
                + "   $ false ... \u001b[31m[ failure ]\u001b[0m\n"
                + "   | \u001b[31mboom\u001b[0m\n"
                + "\u001b[0m"
                + "\u001b[1m== Execution ended: \u001b[0m\u001b[33m[ aborted ]\u001b[0m\n");
    }

    @Test
    void longFailureOutputShowsItsLastLinesOnly() {
        ConsoleListener console = console(false).outputLines(2);

        runCommand(console, 1, "make", Duration.ZERO, false, "one\ntwo\nthree\nfour\n");

        assertThat(printed()).isEqualTo("""
                   $ make ... [ failure ]
                   | ... 2 lines above
                   | three
                   | four
                """);
    }

    @Test
    void multiLineCommandIsShownOnOneLine() {
        ConsoleListener console = console(false);

        runCommand(console, 1, "cd build\nmake\n", Duration.ZERO, true, "");

        assertThat(printed()).isEqualTo("   $ cd build; make ... [ ok ]\n");
    }

    @Test
    void idleClientSaysWhenItChecksAgain() {
        ConsoleListener console = console(false);

        console.clientIdle(new ClientRef("Demo", "laptop"), 5);
        console.clientIdle(new ClientRef("Demo", "laptop"), 1);
        console.clientIdle(new ClientRef("Demo", "laptop"), 0.5);

        assertThat(printed()).isEqualTo("""
                ~~ Demo/laptop idle, next check within 5 minutes
                ~~ Demo/laptop idle, next check within 1 minute
                ~~ Demo/laptop idle, next check within 0.5 minutes
                """);
    }
}
