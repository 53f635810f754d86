package org.testfarm.notify.irc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.testfarm.testing.ChildJvm;

/**
 * A real IRC server for a test: Debian's {@code ngircd}, in the foreground
 * ({@code ngircd -n -f CONF}) on free loopback ports, with a configuration
 * written to a temporary directory; optionally a TLS port too. Tests are
 * skipped, saying why, when ngircd is not installed.
 */
final class Ngircd implements AutoCloseable {

    private static final List<Path> PROGRAMS = List.of(Path.of("/usr/sbin/ngircd"), Path.of("/usr/bin/ngircd"),
            Path.of("/usr/local/sbin/ngircd"));

    private final Process process;
    private final int port;
    private final int tlsPort;
    private final Path log;

    private Ngircd(Process process, int port, int tlsPort, Path log) {
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
        this.log = log;
    }

    static Path program() {
        Optional<Path> found = PROGRAMS.stream().filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(),
                "ngircd is not installed (apt-get install ngircd): the IRC tests need a real IRC server");
        return found.get();
    }

    /** Starts a server; with {@code certificate} and {@code key} (PEM) it also listens for TLS. */
    static Ngircd start(Path directory, Path certificate, Path key) throws IOException, InterruptedException {
        Path program = program();
        int port = freePort();
        int tlsPort = certificate == null ? -1 : freePort();
        StringBuilder conf = new StringBuilder()
                .append("[Global]\n")
                .append("  Name = irc.testfarm.test\n")
                .append("  Info = TestFarm test server\n")
                .append("  AdminInfo1 = TestFarm\n  AdminInfo2 = tests\n  AdminEMail = nobody@testfarm.test\n")
                .append("  Listen = 127.0.0.1\n")
                .append("  Ports = ").append(port).append("\n")
                .append("  MotdPhrase = TestFarm test server\n")
                .append("[Limits]\n  MaxConnectionsIP = 0\n  PingTimeout = 120\n  PongTimeout = 20\n")
                .append("[Options]\n  PAM = no\n  DNS = no\n  Ident = no\n");
        if (certificate != null) {
            conf.append("[SSL]\n")
                    .append("  CertFile = ").append(certificate).append("\n")
                    .append("  KeyFile = ").append(key).append("\n")
                    .append("  Ports = ").append(tlsPort).append("\n");
        }
        Path file = directory.resolve("ngircd.conf");
        Files.writeString(file, conf);
        Path log = directory.resolve("ngircd.log");
        Process process = new ProcessBuilder(program.toString(), "-n", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Ngircd server = new Ngircd(process, port, tlsPort, log);
        server.awaitListening(port);
        if (tlsPort > 0) {
            server.awaitListening(tlsPort);
        }
        return server;
    }

    int port() {
        return port;
    }

    int tlsPort() {
        return tlsPort;
    }

    private void awaitListening(int which) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("ngircd stopped: " + Files.readString(log));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), which)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("ngircd does not listen on " + which + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        ChildJvm.stop(process, Duration.ofSeconds(10));
    }
}
