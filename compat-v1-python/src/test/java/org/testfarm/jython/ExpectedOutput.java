package org.testfarm.jython;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A {@code .expected} file of the shared v1 fixtures: what the original Python TestFarm printed. */
public final class ExpectedOutput {

    private ExpectedOutput() {
    }

    public static List<String> lines(String script) throws IOException {
        Path file = V1Launcher.sharedScripts().resolve(script.replace(".py", ".expected"));
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The lines that start with one of {@code prefixes} (all of them for an empty list). */
    public static List<String> select(List<String> lines, List<String> prefixes) {
        return lines.stream().filter(line -> prefixes.isEmpty() || prefixes.stream().anyMatch(line::startsWith))
                .toList();
    }

    public static List<String> lines(String script, List<String> prefixes) throws IOException {
        return select(lines(script), prefixes);
    }
}
