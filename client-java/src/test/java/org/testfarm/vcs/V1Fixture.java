package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
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

    /** The change log the way the v1 runner printed it: {@code ":: revision - author"}, the message, a blank line. */
    public static String changeLogText(List<Change> log) {
        StringBuilder text = new StringBuilder();
        for (Change change : log) {
            text.append(String.format(":: %s - %s\n%s\n\n", change.revision(), change.author(), change.message()));
        }
        return text.toString();
    }

    /**
     * Checks the {@code has pending changes:} line and the logged change log
     * (after {@code mask}) of a sandbox script's run; returns the change log.
     */
    public List<Change> assertPendingChanges(Sandbox sandbox, UnaryOperator<String> mask) {
        assertThat("has pending changes: " + (sandbox.hasPendingChanges() ? "True" : "False"))
                .isEqualTo(linesStartingWith("has pending changes:").get(0));
        List<Change> log = sandbox.changeLog();
        assertThat(mask.apply(changeLogText(log))).isEqualTo(commandInfo("Change log for"));
        return log;
    }

    /**
     * Updates the sandbox and checks the logged {@code Updating} line (after
     * {@code mask}) and the lines of {@code a.txt} and {@code c.txt} after it.
     */
    public UpdateResult assertUpdate(Sandbox sandbox, UnaryOperator<String> mask) throws IOException {
        UpdateResult result = sandbox.update();
        assertThat(mask.apply(String.format("Updating %s, %s -> %s",
                sandbox.location(), result.oldRevision(), result.newRevision())))
                .isEqualTo(commandLine("Updating"));
        long lines = Files.readAllLines(sandbox.location().resolve("a.txt")).size()
                + Files.readAllLines(sandbox.location().resolve("c.txt")).size();
        assertThat("lines: " + lines).isEqualTo(commandInfo("cat *.txt"));
        return result;
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
