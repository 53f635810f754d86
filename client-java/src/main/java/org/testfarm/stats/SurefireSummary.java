package org.testfarm.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven Surefire/Failsafe and JUnit text-runner counts:
 * {@code Tests run: 12, Failures: 1, Errors: 0, Skipped: 2}. Maven prints one such
 * line per test class and a total under each {@code Results:} heading (one per
 * module): the totals are summed; without any heading, the last line counts.
 * Gives tests, failures, errors and skipped.
 */
final class SurefireSummary {

    private static final Pattern HEADING = Pattern.compile("\\bResults\\s*:\\s*$");
    private static final Pattern COUNTS = Pattern.compile(
            "Tests run:\\s*(\\d+),\\s*Failures:\\s*(\\d+)(?:,\\s*Errors:\\s*(\\d+))?(?:,\\s*Skipped:\\s*(\\d+))?");

    private SurefireSummary() {
    }

    static Map<String, Number> parse(String output) {
        int[] totals = null;
        int[] last = null;
        boolean underHeading = false;
        for (String line : EscapeCodes.strip(output).split("\r?\n")) {
            if (HEADING.matcher(line).find()) {
                underHeading = true;
                continue;
            }
            Matcher counts = COUNTS.matcher(line);
            if (!counts.find()) {
                continue;
            }
            last = values(counts);
            if (underHeading && !line.contains("Time elapsed")) {
                totals = totals == null ? last : add(totals, last);
                underHeading = false;
            }
        }
        int[] chosen = totals != null ? totals : last;
        Map<String, Number> stats = new LinkedHashMap<>();
        if (chosen != null) {
            stats.put("tests", chosen[0]);
            stats.put("failures", chosen[1]);
            stats.put("errors", chosen[2]);
            stats.put("skipped", chosen[3]);
        }
        return stats;
    }

    private static int[] values(Matcher counts) {
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            String group = counts.group(i + 1);
            values[i] = group == null ? 0 : Integer.parseInt(group);
        }
        return values;
    }

    private static int[] add(int[] a, int[] b) {
        int[] sum = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
