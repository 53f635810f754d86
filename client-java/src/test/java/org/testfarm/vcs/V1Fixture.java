package org.testfarm.vcs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * What a v1 sandbox script printed with the original Python TestFarm
 * ({@code shared/fixtures/v1-scripts/*.expected}): the values the Java sandboxes
 * must let the v1 shims reproduce.
 */
public final class V1Fixture {

    private static final Pattern RESULT = Pattern.compile("^\\('(.*?)', 'ok', '(.*?)', '(.*)', \\{\\}\\)$");

    private final List<String> lines;

    private V1Fixture(List<String> lines) {
        this.lines = lines;
    }

    /** Loads {@code name} from the shared fixtures; skips the test when they are not beside the project. */
    public static V1Fixture load(String name) throws IOException {
        String shared = System.getProperty("testfarm.shared", "../../shared");
        Path file = Path.of(shared, "fixtures", "v1-scripts", name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "the shared v1 fixtures are not at " + file);
        return new V1Fixture(Files.readAllLines(file));
    }

    /** The lines that start with {@code prefix}, in order. */
    public List<String> linesStartingWith(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /** The one line that starts with {@code prefix}, without the prefix. */
    public String valueAfter(String prefix) {
        List<String> found = linesStartingWith(prefix);
        if (found.size() != 1) {
            throw new AssertionError("expected one line starting with '" + prefix + "', found " + found);
        }
        return found.get(0).substring(prefix.length());
    }

    /** The output (the fourth element, unescaped) of the logged command whose line starts with {@code command}. */
    public String commandInfo(String command) {
        return element(command, 3);
    }

    /** The first element of the logged command tuple whose text starts with {@code command}. */
    public String commandLine(String command) {
        return element(command, 1);
    }

    private String element(String command, int group) {
        String line = "('" + command + valueAfter("('" + command);
        Matcher matcher = RESULT.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a logged command: " + line);
        }
        return matcher.group(group).replace("\\n", "\n").replace("\\'", "'");
    }
}
