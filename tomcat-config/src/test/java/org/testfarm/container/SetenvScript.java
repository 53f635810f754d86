package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code bin/setenv.sh} as catalina.sh uses it: sourced by a POSIX shell. */
final class SetenvScript {

    static final String PATH = "bin/setenv.sh";

    private SetenvScript() {}

    /** The JVM options the script leaves in CATALINA_OPTS, sourced by {@code shell} (sh, bash). */
    static List<String> catalinaOpts(String shell) {
        String script = ". '" + BuildPaths.configFile(PATH) + "' && printf '%s' \"$CATALINA_OPTS\"";
        String options = run(shell, "-c", script);
        return Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /** What the shell says checking the script's syntax without running it; empty when fine. */
    static String syntaxErrors(String shell) {
        return run(shell, "-n", BuildPaths.configFile(PATH).toString());
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
