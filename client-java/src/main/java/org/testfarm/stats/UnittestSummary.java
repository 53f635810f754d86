package org.testfarm.stats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python unittest (PyUnit) results: {@code Ran 12 tests in 0.3s} followed by
 * {@code OK}, {@code OK (skipped=2)} or {@code FAILED (failures=1, errors=2)}.
 * Gives tests, and failures, errors and skipped once the verdict line is there.
 */
final class UnittestSummary {

    private static final Pattern RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");
    private static final Pattern VERDICT = Pattern.compile("(?m)^(OK|FAILED)(?: \\(([^)]*)\\))?\\s*$");
    private static final Pattern COUNT = Pattern.compile("([a-z ]+)=(\\d+)");

    private UnittestSummary() {
    }

    static Map<String, Number> parse(String output) {
        String text = EscapeCodes.strip(output);
        Matcher ran = RAN.matcher(text);
        int at = -1;
        int tests = 0;
        while (ran.find()) {
            at = ran.end();
            tests = Integer.parseInt(ran.group(1));
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        if (at < 0) {
            return stats;
        }
        stats.put("tests", tests);
        Matcher verdict = VERDICT.matcher(text);
        if (verdict.find(at)) {
            stats.put("failures", 0);
            stats.put("errors", 0);
            stats.put("skipped", 0);
            if (verdict.group(2) != null) {
                Matcher count = COUNT.matcher(verdict.group(2));
                while (count.find()) {
                    String name = count.group(1).strip().replace(' ', '_').toLowerCase(Locale.ROOT);
                    stats.put(name, Integer.parseInt(count.group(2)));
                }
            }
        }
        return stats;
    }
}
