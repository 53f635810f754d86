package org.testfarm.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CppUnit's text outputter (JUnit 3's looks the same): {@code OK (12 tests)}, or
 * after {@code !!!FAILURES!!!} the line {@code Run: 12   Failures: 1   Errors: 0}.
 * The last of them counts. Gives tests, failures and errors.
 */
final class CppunitSummary {

    private static final Pattern OK = Pattern.compile("\\bOK \\((\\d+) tests?\\)");
    private static final Pattern FAILED = Pattern.compile(
            "\\bRun:\\s*(\\d+)\\s*,?\\s*Failures:\\s*(\\d+)\\s*,?\\s*Errors:\\s*(\\d+)");

    private CppunitSummary() {
    }

    static Map<String, Number> parse(String output) {
        String text = EscapeCodes.strip(output);
        Matcher ok = lastMatch(OK.matcher(text));
        Matcher failed = lastMatch(FAILED.matcher(text));
        Map<String, Number> stats = new LinkedHashMap<>();
        if (failed != null && (ok == null || failed.start() > ok.start())) {
            stats.put("tests", Integer.parseInt(failed.group(1)));
            stats.put("failures", Integer.parseInt(failed.group(2)));
            stats.put("errors", Integer.parseInt(failed.group(3)));
        } else if (ok != null) {
            stats.put("tests", Integer.parseInt(ok.group(1)));
            stats.put("failures", 0);
            stats.put("errors", 0);
        }
        return stats;
    }

    /** The matcher positioned on its last match, or null. */
    private static Matcher lastMatch(Matcher matcher) {
        int start = -1;
        while (matcher.find()) {
            start = matcher.start();
        }
        return start >= 0 && matcher.find(start) ? matcher : null;
    }
}
