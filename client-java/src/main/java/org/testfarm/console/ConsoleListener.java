package org.testfarm.console;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.testfarm.engine.HumanDuration;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Progress on a terminal, v1 style: a line per task, a line per command ending in
 * {@code [ ok ]} (green) or {@code [ failure ]} (red) with the elapsed time of
 * slow commands, and the last lines of a failed command's output.
 *
 * <pre>
 * == Execution Demo/laptop/20240301-101010
 * -- Task 1: build
 *    $ make ... [ ok ] 12 s
 *    $ make check ... [ failure ]
 *    | test_parser.c:12: expected 3, got 4
 * == Execution ended: [ failure ]
 * </pre>
 */
public final class ConsoleListener implements FarmListener {

    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private final PrintStream out;
    private boolean colours = true;
    private Clock clock = Clock.systemUTC();
    private Duration slowAfter = Duration.ofSeconds(3);
    private int outputLines = 30;
    private Instant commandStart;

    public ConsoleListener(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Whether to colour the statuses (and keep the output's red stderr); on by default. */
    public ConsoleListener colours(boolean colours) {
        this.colours = colours;
        return this;
    }

    /** Where command durations come from. */
    public ConsoleListener clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Commands running at least this long show their elapsed time; 3 s by default. */
    public ConsoleListener slowAfter(Duration slowAfter) {
        this.slowAfter = Objects.requireNonNull(slowAfter, "slowAfter");
        return this;
    }

    /** How many of the last lines of a failed command's output to show; 30 by default. */
    public ConsoleListener outputLines(int outputLines) {
        this.outputLines = Math.max(0, outputLines);
        return this;
    }

    @Override
    public void clientIdle(ClientRef client, double minutes) {
        out.printf("~~ %s idle, next check within %s%n", client, minutesText(minutes));
        out.flush();
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        out.println(style(BOLD, "== Execution " + execution));
        out.flush();
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        out.println(style(BOLD, "-- Task " + task + ": " + description));
        out.flush();
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        commandStart = clock.instant();
        out.print("   $ " + oneLine(commandLine) + " ... ");
        out.flush();
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        StringBuilder line = new StringBuilder(ok ? style(GREEN, "[ ok ]") : style(RED, "[ failure ]"));
        if (commandStart != null) {
            Duration elapsed = Duration.between(commandStart, clock.instant());
            if (elapsed.compareTo(slowAfter) >= 0) {
                line.append(' ').append(HumanDuration.format(elapsed));
            }
            commandStart = null;
        }
        out.println(line);
        if (!ok) {
            printOutput(output);
        }
        out.flush();
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        String verdict = ok == null ? style(YELLOW, "[ aborted ]")
                : ok ? style(GREEN, "[ ok ]") : style(RED, "[ failure ]");
        out.println(style(BOLD, "== Execution ended: ") + verdict);
        out.flush();
    }

    private void printOutput(String output) {
        if (output == null || output.isBlank() || outputLines == 0) {
            return;
        }
        // the engine closes a red stderr chunk after its newline: close it before, sparing an empty line
        String text = colours ? output.replace("\n" + RESET, RESET + "\n") : ANSI.matcher(output).replaceAll("");
        List<String> lines = text.lines().toList();
        int skipped = Math.max(0, lines.size() - outputLines);
        if (skipped > 0) {
            out.println("   | ... " + skipped + (skipped == 1 ? " line" : " lines") + " above");
        }
        for (String line : lines.subList(skipped, lines.size())) {
            out.println("   | " + line);
        }
        if (colours) {
            out.print(RESET);
        }
    }

    private String style(String code, String text) {
        return colours ? code + text + RESET : text;
    }

    private static String oneLine(String commandLine) {
        return commandLine.strip().replace("\r\n", "\n").replace("\n", "; ");
    }

    private static String minutesText(double minutes) {
        long whole = Math.round(minutes);
        return Math.abs(minutes - whole) < 1e-9
                ? whole + (whole == 1 ? " minute" : " minutes")
                : String.format(java.util.Locale.ROOT, "%.1f minutes", minutes);
    }
}
