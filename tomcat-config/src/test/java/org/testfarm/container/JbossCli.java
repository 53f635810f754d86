package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WildFly's {@code bin/jboss-cli.sh}, connected to a running server's management
 * port, as an admin runs it.
 */
final class JbossCli {

    /** What the CLI printed and how it exited. */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final Path home;
    private final int managementPort;

    JbossCli(Path home, int managementPort) {
        this.home = home;
        this.managementPort = managementPort;
    }

    /** Runs a script file with the given arguments (e.g. {@code -Dname=value}) after the connection ones. */
    Result file(Path script, String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.add("--file=" + script);
        return run(command);
    }

    /** Runs one command, e.g. {@code deploy /path/x.war}. */
    Result command(String cliCommand) {
        return run(List.of("--command=" + cliCommand));
    }

    private Result run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/jboss-cli.sh").toString(),
                "--connect", "--controller=remote+http://127.0.0.1:" + managementPort));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", AdminCli.QUICK_START_JVM_OPTIONS);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
