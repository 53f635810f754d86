package org.testfarm.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CTest's {@code 95% tests passed, 1 tests failed out of 20}: tests, passed and failures. */
final class CtestSummary {

    private static final Pattern LINE = Pattern.compile("\\d+% tests passed, (\\d+) tests? failed out of (\\d+)");

    private CtestSummary() {
    }

    static Map<String, Number> parse(String output) {
        Matcher line = LINE.matcher(EscapeCodes.strip(output));
        Map<String, Number> stats = new LinkedHashMap<>();
        while (line.find()) {
            int failed = Integer.parseInt(line.group(1));
            int tests = Integer.parseInt(line.group(2));
            stats.put("tests", tests);
            stats.put("passed", tests - failed);
            stats.put("failures", failed);
        }
        return stats;
    }
}
