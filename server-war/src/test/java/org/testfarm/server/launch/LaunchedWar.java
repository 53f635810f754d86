package org.testfarm.server.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@code java -jar testfarm.war ARGS} as a separate process, as an admin runs it:
 * stdout read line by line, stderr kept in a file, every wait bounded.
 */
final class LaunchedWar implements AutoCloseable {

    /** The WAR the build just packed; failsafe passes its path. */
    static final Path WAR = Path.of(System.getProperty("testfarm.war", "target/testfarm.war"));

    private static final String END = "\0end of stdout";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

    private LaunchedWar(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Launches the WAR with {@code tmp} as its java.io.tmpdir, where it unpacks itself. */
    static LaunchedWar launch(Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar", WAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(tmp, "stderr-", ".txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        return new LaunchedWar(process, stderr);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            stdout.add("(stdout failed: " + e + ")");
        } finally {
            stdout.add(END);
        }
    }

    /** The next line on stdout; fails the test if none comes in time or stdout ends. */
    String nextLine(Duration timeout) throws InterruptedException {
        String line = stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END)) {
            fail((line == null ? "no line on stdout within " + timeout : "stdout ended") + "; stderr:\n" + stderr());
        }
        return line;
    }

    /** All of stdout, once the process has ended. */
    String remainingStdout() throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (String line = nextOrEnd(); !line.equals(END); line = nextOrEnd()) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private String nextOrEnd() throws InterruptedException {
        String line = stdout.poll(30, TimeUnit.SECONDS);
        return line == null ? END : line;
    }

    /** The exit code; fails the test (and kills the process) if it does not end in time. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("still running after " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Asks the process to stop, as SIGTERM does on Unix. */
    void terminate() {
        process.destroy();
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process if it still runs: SIGTERM, then a kill after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
