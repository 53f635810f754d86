package org.testfarm.vcs.svn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.testfarm.testing.ChildJvm;
import org.testfarm.vcs.ExternalProgram;
import org.tmatesoft.svn.core.SVNURL;

/**
 * Debian's Apache httpd with mod_dav_svn serving one repository at
 * {@code /svn/project} on a free loopback port, behind basic authentication
 * with an htpasswd file; with TLS, over https with a self-signed certificate
 * for 127.0.0.1 made by openssl. It runs in the foreground with a configuration
 * of its own in the given folder. As root it serves as user {@code daemon},
 * which then owns the repository.
 */
public final class ApacheSvnServer implements AutoCloseable {

    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final List<String> HTTPD = List.of("/usr/sbin/apache2", "/usr/sbin/httpd");

    private final Path folder;
    private final Process process;
    private final SVNURL url;
    private final Path certificate;

    private ApacheSvnServer(Path folder, Process process, SVNURL url, Path certificate) {
        this.folder = folder;
        this.process = process;
        this.url = url;
        this.certificate = certificate;
    }

    /** Skips the test, saying why, unless httpd, mod_dav_svn, htpasswd and openssl are all on this machine. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(httpd() != null && Files.exists(MODULES.resolve("mod_dav_svn.so"))
                        && ExternalProgram.named("htpasswd").isInstalled() && ExternalProgram.named("openssl").isInstalled(),
                "apache2, libapache2-mod-svn or openssl is not installed (see .ci/run): http(s):// is not tested");
    }

    private static Path httpd() {
        return HTTPD.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * Serves {@code repository} with the user {@code dev}, password {@code secret}.
     *
     * @param folder an empty folder for the configuration, logs and certificate
     * @param tls whether to serve https (with a certificate for 127.0.0.1) rather than http
     */
    public static ApacheSvnServer start(Path folder, Path repository, boolean tls) throws Exception {
        Files.createDirectories(folder);
        ApacheSvnServer.password(folder, "dev", "secret");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            serveAsDaemon(folder, repository);
        }
        Path certificate = tls ? selfSignedCertificate(folder) : null;
        int port = freeLoopbackPort();
        Path conf = folder.resolve("httpd.conf");
        Files.writeString(conf, configuration(folder, repository, port, tls, root));
        Process process = new ProcessBuilder(httpd().toString(), "-f", conf.toString(), "-DFOREGROUND")
                .redirectErrorStream(true).redirectOutput(folder.resolve("console.log").toFile()).start();
        ApacheSvnServer server = new ApacheSvnServer(folder, process,
                SVNURL.parseURIEncoded((tls ? "https" : "http") + "://127.0.0.1:" + port + "/svn/project"),
                certificate);
        try {
            awaitListening(process, port, server::log);
        } catch (IllegalStateException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The repository's URL. */
    public SVNURL url() {
        return url;
    }

    /** The URL of the repository with another host name for the same server (for instance localhost). */
    public SVNURL url(String host) throws Exception {
        return SVNURL.create(url.getProtocol(), null, host, url.getPort(), url.getPath(), false);
    }

    /** The server's self-signed certificate (PEM), with TLS. */
    public Path certificate() {
        return certificate;
    }

    /** Sets (or adds) a user's password in the htpasswd file; httpd reads it on each request. */
    public void password(String user, String password) throws IOException, InterruptedException {
        password(folder, user, password);
    }

    private static void password(Path folder, String user, String password) throws IOException, InterruptedException {
        Path file = folder.resolve("htpasswd");
        if (Files.exists(file)) {
            ExternalProgram.named("htpasswd").run(folder, "-b", file.toString(), user, password);
        } else {
            ExternalProgram.named("htpasswd").run(folder, "-b", "-c", file.toString(), user, password);
        }
    }

    private static String configuration(Path folder, Path repository, int port, boolean tls, boolean root) {
        StringBuilder modules = new StringBuilder();
        List<String> names = new java.util.ArrayList<>(List.of("mpm_event", "authn_core", "authn_file", "authz_core",
                "authz_user", "auth_basic", "dav", "dav_svn"));
        if (tls) {
            names.addAll(List.of("socache_shmcb", "ssl"));
        }
        for (String name : names) {
            modules.append("LoadModule ").append(name).append("_module ")
                    .append(MODULES.resolve("mod_" + name + ".so")).append('\n');
        }
        String ssl = !tls ? "" : """
                SSLEngine on
                SSLCertificateFile %s
                SSLCertificateKeyFile %s
                SSLSessionCache shmcb:%s(51200)
                """.formatted(folder.resolve("cert.pem"), folder.resolve("key.pem"), folder.resolve("ssl_cache"));
        return modules + """
                ServerRoot %1$s
                ServerName 127.0.0.1
                Listen 127.0.0.1:%2$d
                PidFile %1$s/httpd.pid
                DefaultRuntimeDir %1$s
                ErrorLog %1$s/error.log
                LogLevel warn
                StartServers 1
                ServerLimit 2
                ThreadsPerChild 8
                MaxRequestWorkers 16
                MinSpareThreads 1
                MaxSpareThreads 16
                %3$s
                %4$s
                <Location /svn/project>
                  DAV svn
                  SVNPath %5$s
                  AuthType Basic
                  AuthName "TestFarm"
                  AuthUserFile %1$s/htpasswd
                  Require valid-user
                </Location>
                """.formatted(folder, port, root ? "User daemon\nGroup daemon" : "", ssl, repository);
    }

    /** httpd refuses to serve as root: its workers run as daemon, who must be able to read and write the repository. */
    private static void serveAsDaemon(Path folder, Path repository) throws IOException {
        UserPrincipalLookupService names = folder.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal daemon = names.lookupPrincipalByName("daemon");
        GroupPrincipal group = names.lookupPrincipalByGroupName("daemon");
        try (Stream<Path> paths = Files.walk(repository)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(daemon);
                view.setGroup(group);
            }
        }
        for (Path up = repository.getParent(); up != null && !up.equals(up.getRoot()); up = up.getParent()) {
            if (Files.getOwner(up).getName().equals("root") && up.startsWith(System.getProperty("java.io.tmpdir"))
                    && !up.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                Files.setPosixFilePermissions(up, PosixFilePermissions.fromString("rwx--x--x"));
            }
        }
    }

    private static Path selfSignedCertificate(Path folder) throws IOException, InterruptedException {
        ExternalProgram.named("openssl").run(folder, "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "2", "-subj", "/CN=TestFarm test server", "-addext", "subjectAltName=IP:127.0.0.1");
        return folder.resolve("cert.pem");
    }

    /** A loopback port that nothing listens on at the moment. */
    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits (20 s at most) until {@code server} accepts connections on the loopback {@code port}.
     *
     * @throws IllegalStateException with what {@code log} tells, when it dies or takes too long
     */
    static void awaitListening(Process server, int port, Callable<String> log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server did not start: " + log.call(), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** What httpd wrote to its console and error log. */
    public String log() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("console.log", "error.log")) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        ChildJvm.stop(process, Duration.ofSeconds(10));
    }
}
