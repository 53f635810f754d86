package org.testfarm.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.testfarm.TestFarmException;
import org.testfarm.wire.ClientKey;
import org.testfarm.runner.CycleReport;
import org.testfarm.runner.FirstRun;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command line of a Java client: a {@code main} defines its
 * {@link FarmClient} and hands it the arguments.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(ClientCommandLine.run(FarmClient.define("p", "c").task(...), args));
 * }
 * }</pre>
 *
 * Exit codes: 0 the execution passed (or nothing needed to run), 1 it failed,
 * 2 bad arguments, 3 it was aborted, 4 the client could not run (another
 * instance holds the lock, an unknown placeholder, ...): one line on stderr
 * says why, with the stack trace only under {@code --verbose}.
 */
@Command(name = "testfarm-client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a TestFarm client: check for new commits, build, test and report.")
public final class ClientCommandLine implements Callable<Integer> {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int ABORTED = 3;
    public static final int CANNOT_RUN = 4;

    @Option(names = "--continuous", description = "Loop: check, run when there are new commits, wait.")
    boolean continuous;

    @Option(names = "--force", description = "Run one execution now, without checking, even when paused.")
    boolean force;

    @Option(names = "--new-commits-only",
            description = "Run only when the check finds new commits (by default the first cycle always runs).")
    boolean newCommitsOnly;

    @Option(names = "--pause", description = "Pause this client (running instances too) and exit.")
    boolean pause;

    @Option(names = "--resume", description = "Resume this client and exit.")
    boolean resume;

    @Option(names = "--remote", paramLabel = "URL", description = "Report to this server (…/testfarmservice or …/).")
    String remote;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Sign the reports to the server with the key in FILE (as 'testfarm addclient' printed it).")
    Path keyFile;

    @Option(names = "--logs", paramLabel = "DIR", description = "Keep a local log tree in DIR.")
    Path logs;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Pause marker, lock and spool (default: ~/.testfarm/<project>/<client>).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration for command templates: .properties, .yaml, .yml or .toml (repeatable).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "One configuration entry (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--idle", paramLabel = "MINUTES", description = "Minutes to wait between checks.")
    Double idleMinutes;

    @Option(names = "--quiet", description = "No progress on stdout.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces of failures.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final FarmClient client;

    private ClientCommandLine(FarmClient client) {
        this.client = client;
    }

    /** Runs {@code client} as {@code args} say; returns the exit code. */
    public static int run(FarmClient client, String... args) {
        return commandLine(client).execute(args);
    }

    /** The picocli command, for tests and for embedding in a larger command line. */
    public static CommandLine commandLine(FarmClient client) {
        ClientCommandLine command = new ClientCommandLine(client);
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("testfarm-client: " + e.getMessage());
            if (command.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return CANNOT_RUN;
        });
        return line;
    }

    @Override
    public Integer call() {
        CommandLine line = spec.commandLine();
        if (pause && resume || (pause || resume) && (continuous || force) || continuous && force) {
            throw new CommandLine.ParameterException(line,
                    "choose one of --pause, --resume, --force and --continuous");
        }
        configure();
        if (pause || resume) {
            if (pause) {
                client.pause();
            } else {
                client.resume();
            }
            line.getOut().println(client.ref() + (pause ? " is paused: " : " is resumed: ")
                    + client.state().pausedMarker() + (pause ? " exists" : " is gone"));
            line.getOut().flush();
            return PASSED;
        }
        FirstRun first = newCommitsOnly ? FirstRun.ONLY_WITH_NEW_COMMITS : FirstRun.ALWAYS;
        if (continuous) {
            client.runContinuously(first);
            return PASSED;
        }
        CycleReport report = force ? client.runForced() : client.runOnce(first);
        if (report.paused()) {
            line.getOut().println(client.ref() + " is paused (" + client.state().pausedMarker() + "): nothing ran");
            line.getOut().flush();
        }
        if (!report.ran()) {
            return PASSED;
        }
        return switch (report.outcome()) {
            case OK -> PASSED;
            case FAILED -> FAILED;
            case ABORTED -> ABORTED;
        };
    }

    private void configure() {
        try {
            configs.forEach(client::config);
            if (!settings.isEmpty()) {
                client.config(settings);
            }
        } catch (TestFarmException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
        if (remote != null) {
            client.remote(remote);
        }
        if (keyFile != null) {
            try {
                client.key(ClientKey.read(keyFile));
            } catch (TestFarmException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
            }
        }
        if (logs != null) {
            client.localLogs(logs);
        }
        if (stateDir != null) {
            client.stateDirectory(stateDir);
        }
        if (idleMinutes != null) {
            client.idle(Duration.ofMillis(Math.round(idleMinutes * 60_000)));
        }
        if (quiet) {
            client.console(null);
        }
    }
}
