package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin CLI of the WAR under test, {@code java -jar testfarm.war COMMAND ...}, as
 * the README tells admins to run it.
 */
final class AdminCli {

    /** For short-lived tool JVMs in tests: no optimizing compiler, the simplest collector. */
    static final String QUICK_START_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private AdminCli() {}

    /**
     * A fresh log directory with {@code project} and its {@code client} registered,
     * allowed to report unsigned: the captured upstream Python requests replayed here are.
     */
    static Path registeredLogDirectory(Path parent, String project, String client) {
        Path logs = parent.resolve("logs");
        run("addproject", logs.toString(), project);
        run("addclient", logs.toString(), project, client, "--legacy-unsigned");
        return logs;
    }

    static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(List.of(QUICK_START_JVM_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", BuildPaths.war().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
