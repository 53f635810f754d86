package org.testfarm.server.cli;

import org.testfarm.TestFarmException;
import org.testfarm.server.launch.Bootstrap;
import org.testfarm.server.launch.ContainerLogging;
import org.testfarm.server.launch.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code testfarm serve}: runs the webapp in an embedded Tomcat until SIGTERM or
 * Ctrl-C. Once it listens, it prints one line that scripts and tests may parse:
 * {@code TestFarm serving <logs dir> at http://<host>:<port>/}.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the TestFarm pages and API with an embedded Tomcat until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String host = "0.0.0.0";

    @Option(names = "--logs", paramLabel = "DIR",
            description = "Directory of the farm's logs, created if missing (default: ${DEFAULT-VALUE}).")
    Path logs = Path.of(".", "testfarm-logs");

    @Option(names = "--webapp", paramLabel = "DIR",
            description = "Unpacked web application to serve, for development"
                    + " (default: the WAR this command runs from).")
    Path webapp;

    @ParentCommand
    Cli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        Path application = application();
        Path logDirectory = createLogDirectory();
        if (parent == null || !parent.verbose()) {
            ContainerLogging.quiet();
        }
        EmbeddedServer server = new EmbeddedServer().start(port, host, logDirectory, application);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "testfarm-stop"));

        PrintWriter out = spec.commandLine().getOut();
        out.println("TestFarm serving " + logDirectory + " at " + url(host, server.port()));
        out.flush();
        server.awaitStop();
        return 0;
    }

    /** The webapp directory: --webapp, else the WAR unpacked by {@link Bootstrap}. */
    private Path application() {
        return webappOrFail(webapp);
    }

    static Path webappOrFail(Path webapp) {
        if (webapp != null) {
            return webapp.toAbsolutePath().normalize();
        }
        String exploded = System.getProperty(Bootstrap.EXPLODED_PROPERTY);
        if (exploded == null) {
            throw new TestFarmException("no web application to serve: run `java -jar testfarm.war serve`,"
                    + " or pass --webapp DIR (e.g. server-war/src/main/webapp)");
        }
        return Path.of(exploded);
    }

    private Path createLogDirectory() {
        Path directory = logs.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new TestFarmException("cannot create the log directory " + directory + ": " + e, e);
        }
    }

    static String url(String host, int port) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + authority + ":" + port + "/";
    }
}
