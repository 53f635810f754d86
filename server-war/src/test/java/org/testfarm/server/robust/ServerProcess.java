package org.testfarm.server.robust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfarm.server.launch.EmbeddedServer;

/**
 * A TestFarm server in a JVM of its own, to be killed with SIGKILL. By default the
 * webapp of this module in an {@link EmbeddedServer} (what {@code serve} runs,
 * without unpacking the WAR: a quick start for many rounds); with
 * {@code -Drobust.war=PATH}, {@code java -jar PATH serve}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("TestFarm serving .+ at http://[^:]+:(\\d+)/");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Child main: serves {@code args[0]} on port {@code args[1]} (or a free one) and says where, as {@code serve} does. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        EmbeddedServer server = new EmbeddedServer().start(port, "127.0.0.1", Path.of(args[0]), RobustFarm.WEBAPP);
        System.out.println("TestFarm serving " + args[0] + " at http://127.0.0.1:" + server.port() + "/");
        server.awaitStop();
    }

    static ServerProcess start(Path logs, Path tmp) throws IOException, InterruptedException {
        return start(logs, tmp, 0);
    }

    /** A server on {@code port}, 0 for a free one. */
    static ServerProcess start(Path logs, Path tmp, int port) throws IOException, InterruptedException {
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(launcher, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp));
        String war = System.getProperty("robust.war");
        if (war != null) {
            command.addAll(List.of("-jar", war, "serve", "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--logs", logs.toString()));
        } else {
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(argument -> argument.startsWith("--add-opens")).forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(),
                    logs.toString(), Integer.toString(port)));
        }
        Path stderr = Files.createTempFile(tmp, "server-", ".stderr");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher serving = SERVING.matcher(line);
                    if (serving.matches()) {
                        Thread drain = new Thread(() -> {
                            try {
                                out.transferTo(Writer.nullWriter());
                            } catch (IOException e) {
                                // the server died
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                        return Integer.parseInt(serving.group(1));
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        try {
            int found = listening.get(120, TimeUnit.SECONDS);
            if (found < 0) {
                throw new IOException("the server ended without serving: " + Files.readString(stderr));
            }
            Files.delete(stderr);
            return new ServerProcess(process, found);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the server did not start in 120 s: " + Files.readString(stderr), e);
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no close, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed server is still there");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
