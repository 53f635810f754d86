package org.testfarm.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.testfarm.stats.TimedExtractor;

/**
 * Runs a finished command's callbacks on its output: the status check (which
 * replaces the exit-status verdict), then the info and stats extractors. A
 * callback that throws fails the command, with the reason noted in its output.
 */
final class Assessment {

    private final List<String> notes = new ArrayList<>();
    private boolean ok;
    private String info;
    private Map<String, Number> stats = Map.of();

    private Assessment(boolean ok) {
        this.ok = ok;
    }

    /**
     * @param exitCode     the shell's exit status
     * @param forcedFailure a reason the command failed whatever it printed (a
     *                     timeout), or null
     */
    static Assessment of(Command command, int exitCode, String forcedFailure, String output, Duration elapsed) {
        Assessment assessment = new Assessment(forcedFailure == null && exitCode == 0);
        if (forcedFailure != null) {
            assessment.note(forcedFailure);
        } else if (command.statusCheck() != null) {
            assessment.checkStatus(command, output);
        }
        if (command.info() != null) {
            assessment.extractInfo(command, output);
        }
        if (command.stats() != null) {
            assessment.extractStats(command.stats(), output, elapsed);
        }
        return assessment;
    }

    boolean ok() {
        return ok;
    }

    String info() {
        return info;
    }

    Map<String, Number> stats() {
        return stats;
    }

    /** Adds a remark to the output of a failed command, without changing the verdict. */
    void remark(String remark) {
        note(remark);
    }

    /** The output to report: "" when ok, else {@code output} followed by the notes. */
    String reported(String output) {
        if (ok) {
            return "";
        }
        String text = output;
        for (String note : notes) {
            text = Notes.append(text, note);
        }
        return text;
    }

    private void checkStatus(Command command, String output) {
        try {
            ok = command.statusCheck().test(output);
        } catch (Exception e) {
            fail("the status check failed: " + Notes.describe(e));
        }
    }

    private void extractInfo(Command command, String output) {
        try {
            info = command.info().apply(output);
        } catch (Exception e) {
            fail("the info extractor failed: " + Notes.describe(e));
        }
    }

    private void extractStats(Function<String, Map<String, Number>> extractor, String output, Duration elapsed) {
        try {
            Map<String, Number> kept = new LinkedHashMap<>();
            TimedExtractor.extract(extractor, output, elapsed).forEach((name, value) -> {
                if (name != null && value != null) {
                    kept.put(name, value);
                }
            });
            stats = kept;
        } catch (Exception e) {
            fail("the stats extractor failed: " + Notes.describe(e));
        }
    }

    private void fail(String reason) {
        ok = false;
        note(reason);
    }

    private void note(String reason) {
        notes.add(reason);
    }
}
