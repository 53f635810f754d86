package org.testfarm.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.testfarm.server.demo.DemoClients;
import org.testfarm.server.demo.DemoHistory;
import org.testfarm.server.launch.ContainerLogging;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * {@code testfarm demo}: a populated farm within a minute. Registers a demo
 * project with some made-up history, serves it, and runs the repository's
 * example clients against it as separate processes, from the built artifacts.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve a demo farm and run the example clients against it until stopped (Ctrl-C).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--logs", paramLabel = "DIR", description = "Log directory (default: ${DEFAULT-VALUE}).")
    Path logs = Path.of(".", "testfarm-demo");

    @Option(names = "--webapp", paramLabel = "DIR", description = "Unpacked web application, for development.")
    Path webapp;

    @Option(names = "--repository", paramLabel = "DIR",
            description = "The TestFarm source tree whose built examples to run (default: the current directory).")
    Path repository = Path.of(".");

    @Option(names = "--no-clients", description = "Only serve the made-up history; run no example client.")
    boolean noClients;

    @ParentCommand
    Cli parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path directory = logs.toAbsolutePath().normalize();
        try (LogStore store = LogStore.open(directory, StoreOptions.defaults())) {
            new DemoHistory(store, LocalDateTime.now()).populate();
            DemoClients.register(store);
        }
        if (parent == null || !parent.verbose()) {
            ContainerLogging.quiet();
        }
        Path application = webapp != null ? webapp : ServeCommand.webappOrFail(null);
        EmbeddedServer server = new EmbeddedServer().start(port, "127.0.0.1", directory, application);
        String url = ServeCommand.url("127.0.0.1", server.port());
        PrintWriter out = spec.commandLine().getOut();
        out.println("TestFarm serving " + directory + " at " + url);
        out.println("The demo farm: " + url + DemoHistory.PROJECT + "/index.html  (Ctrl-C to stop)");
        out.flush();
        List<Process> clients = noClients ? List.of()
                : new DemoClients(repository.toAbsolutePath().normalize(), url, directory, out).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clients.forEach(Process::destroy);
            server.stop();
        }, "testfarm-demo-stop"));
        server.awaitStop();
        return 0;
    }
}
