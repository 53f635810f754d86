package org.testfarm.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code java ARGS} in its own process, as a user starts it: stdout read line
 * by line, stderr kept in a file, every wait bounded. Shared with the tests of
 * the other modules through client-java's test-jar.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END = "\0end of stdout";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stdout = new StringBuilder();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::read, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the JVM this test runs on with {@code args}, and {@code tmp} as its java.io.tmpdir (stderr goes there too). */
    public static ChildJvm start(Path tmp, List<String> args) throws IOException {
        return start(tmp, args, java.util.Map.of());
    }

    /** The same, with these environment variables added to this process's. */
    public static ChildJvm start(Path tmp, List<String> args, java.util.Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(args);
        Path stderr = Files.createTempFile(tmp, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new ChildJvm(process, stderr);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (stdout) {
                    stdout.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout failed: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    /** The next line on stdout; an AssertionError when none comes in time or stdout ends. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END)) {
            throw new AssertionError((line == null ? "no line on stdout within " + timeout : "stdout ended")
                    + "; stderr:\n" + stderr());
        }
        return line;
    }

    /** The lines of stdout that {@link #nextLine} has not taken, up to its end (30 s at most between lines). */
    public String remainingStdout() throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (String line = nextOrEnd(); !line.equals(END); line = nextOrEnd()) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private String nextOrEnd() throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        return line == null ? END : line;
    }

    /** All of stdout read so far, whether or not {@link #nextLine} took it. */
    public String stdout() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    /** The exit code; an AssertionError (and a kill) when it runs longer than {@code timeout}. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** The process, e.g. to find the processes it started. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Asks the process to stop, as SIGTERM does on Unix. */
    public void terminate() {
        process.destroy();
    }

    /** What the process wrote on stderr so far. */
    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Stops the process if it still runs: SIGTERM, then a kill after 30 s. */
    @Override
    public void close() {
        stop(process, Duration.ofSeconds(30));
    }

    /**
     * Stops any process a test started: SIGTERM, then, when it has not ended
     * after {@code grace}, a kill and 10 s more for it to go.
     */
    public static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
