package org.testfarm.jython;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher as a process, the way a volunteer does:
 * {@code java -jar testfarm-v1.jar SCRIPT.py ARGS...}. Each test gets its own
 * home folder (the runner keeps its lock there); the class-data archive is kept
 * in {@code target/} for the whole build.
 */
public final class V1Launcher {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path home;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new java.util.LinkedHashMap<>();

    public V1Launcher(Path home) {
        this.home = home;
    }

    public static Path jar() {
        return Path.of(System.getProperty("testfarm.v1.jar", "target/testfarm-v1.jar")).toAbsolutePath();
    }

    public static Path sharedScripts() {
        return Path.of(System.getProperty("testfarm.shared", "../../shared"), "fixtures", "v1-scripts")
                .toAbsolutePath().normalize();
    }

    public static Path examples() {
        return Path.of(System.getProperty("testfarm.examples", "../examples/v1")).toAbsolutePath().normalize();
    }

    public V1Launcher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code script} with {@code args} through {@code java -jar}. */
    public ScriptRun run(Path script, String... args) throws IOException, InterruptedException {
        return start(command(script, args), script.getParent());
    }

    /**
     * Starts {@code script} with {@code args} through {@code java -jar} and leaves it
     * running (a continuous client); the caller stops it.
     */
    public Running background(Path script, String... args) throws IOException {
        return launch(command(script, args), script.getParent());
    }

    private List<String> command(Path script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.add(script.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} as it is (the shell wrapper, say) with this launcher's environment. */
    public ScriptRun start(List<String> command, Path directory) throws IOException, InterruptedException {
        Running running = launch(command, directory);
        Process process = running.process();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new ScriptRun(process.exitValue(), Files.readString(running.stdout(), StandardCharsets.UTF_8),
                Files.readString(running.stderr(), StandardCharsets.UTF_8));
    }

    private Running launch(List<String> command, Path directory) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("XDG_CACHE_HOME", jar().getParent().resolve("cds-cache").toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Running(process, out, err);
    }

    /** A started launcher, its stdout and stderr going to files. */
    public record Running(Process process, Path stdout, Path stderr) {

        /** What it wrote so far, for messages. */
        public String output() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
        }
    }
}
