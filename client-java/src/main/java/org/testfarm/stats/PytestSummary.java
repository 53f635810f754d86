package org.testfarm.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest's closing line, {@code ==== 3 failed, 10 passed, 2 skipped in 0.12s ====}
 * (also without the rules, as {@code -q} prints it). Gives tests (passed, failed,
 * skipped, xfailed and xpassed together), passed, failures, errors, skipped, and
 * whatever else the line counts (xfailed, xpassed, warnings, deselected, reruns).
 */
final class PytestSummary {

    private static final Pattern LINE = Pattern.compile(
            "(?m)^=*\\s*((?:\\d+ [a-z]+)(?:, \\d+ [a-z]+)*|no tests ran) in [\\d.]+s\\b.*$");
    private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");
    private static final List<String> TESTS = List.of("passed", "failures", "skipped", "xfailed", "xpassed");

    private PytestSummary() {
    }

    static Map<String, Number> parse(String output) {
        Matcher line = LINE.matcher(EscapeCodes.strip(output));
        String last = null;
        while (line.find()) {
            last = line.group(1);
        }
        Map<String, Number> stats = new LinkedHashMap<>();
        if (last == null) {
            return stats;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : List.of("passed", "failures", "errors", "skipped")) {
            counts.put(name, 0);
        }
        Matcher count = COUNT.matcher(last);
        while (count.find()) {
            counts.merge(name(count.group(2)), Integer.parseInt(count.group(1)), Integer::sum);
        }
        stats.put("tests", TESTS.stream().mapToInt(name -> counts.getOrDefault(name, 0)).sum());
        stats.putAll(counts);
        return stats;
    }

    private static String name(String word) {
        return switch (word) {
            case "failed" -> "failures";
            case "error", "errors" -> "errors";
            case "warning", "warnings" -> "warnings";
            case "rerun" -> "reruns";
            default -> word;
        };
    }
}
