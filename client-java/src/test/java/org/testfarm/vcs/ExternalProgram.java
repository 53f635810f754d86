package org.testfarm.vcs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program of the machine (git, svn, svnserve) that interoperability tests run when it is installed. */
public final class ExternalProgram {

    private final String name;

    private ExternalProgram(String name) {
        this.name = name;
    }

    public static ExternalProgram named(String name) {
        return new ExternalProgram(name);
    }

    /** True when the program is on the PATH. */
    public boolean isInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the program in {@code directory}; returns its output, or fails when it exits non-zero. */
    public String run(Path directory, String... arguments) throws IOException, InterruptedException {
        return run(directory, Map.of(), arguments);
    }

    public String run(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(name);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** Starts the program as a server in the background; the caller stops it. */
    public Process start(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(name);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
