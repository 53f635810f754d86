package org.testfarm.client;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.testfarm.engine.EnvironmentSource;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.MutableEnvironment;
import org.testfarm.event.ClientRef;
import org.testfarm.event.FarmListener;
import org.testfarm.runner.CycleReport;
import org.testfarm.runner.ExecutionIds;
import org.testfarm.runner.FirstRun;
import org.testfarm.runner.StateDirectory;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxRegistry;
import org.testfarm.wire.ClientKey;

/**
 * A TestFarm client written in Java: what it watches, what it runs, where it
 * reports. Define it fluently, then run it:
 *
 * <pre>{@code
 * FarmClient.define("myproject", "debian-amd64")
 *         .config(Path.of("client.yaml"))
 *         .sandbox("{src}")
 *         .task("Build", t -> t.mandatory().command("cd {src}").command("make -j{jobs}"))
 *         .task("Test", t -> t.command("make check", c -> c.stats(StatsExtractors.unittest())))
 *         .remote("http://farm.example.org/testfarmservice")
 *         .localLogs(Path.of("testfarm-logs"))
 *         .runContinuously();
 * }</pre>
 *
 * Templates ({@code {name}} in command lines, cd directories, sandbox paths and
 * the checking command) are filled from the configuration when a run starts; an
 * unknown name fails that run with a {@link TemplateException}. Every run
 * prints progress on the console, reports to the local log tree and the remote
 * server when set, and to the listeners added.
 */
public final class FarmClient {

    final ClientRef client;
    ClientConfig config = ClientConfig.empty();
    final List<TaskDefinition> tasks = new ArrayList<>();
    final List<String> sandboxPaths = new ArrayList<>();
    final List<Sandbox> sandboxes = new ArrayList<>();
    SandboxOptions sandboxOptions;
    SandboxRegistry sandboxRegistry;
    String checkingCommand;
    Duration idle = Duration.ofMinutes(5);
    String remote;
    Path localLogs;
    ClientKey key;
    Path stateDirectory;
    final List<FarmListener> listeners = new ArrayList<>();
    PrintStream console = System.out;
    EnvironmentSource environment = EnvironmentSource.system();
    Clock clock = Clock.systemDefaultZone();
    ExecutionIds ids;
    boolean shutdownHook = true;
    Consumer<String> warnings = warning -> System.err.println("[TestFarm] " + warning);
    private volatile ClientRun current;

    private FarmClient(ClientRef client) {
        this.client = client;
    }

    /** A client called {@code client} of {@code project}. */
    public static FarmClient define(String project, String client) {
        if (project == null || project.isBlank() || client == null || client.isBlank()) {
            throw new IllegalArgumentException("a client needs a project name and a client name");
        }
        return new FarmClient(new ClientRef(project, client));
    }

    public ClientRef ref() {
        return client;
    }

    /** Adds configuration entries (later ones win). */
    public FarmClient config(ClientConfig more) {
        config = config.with(Objects.requireNonNull(more, "config"));
        return this;
    }

    public FarmClient config(Map<String, ?> entries) {
        return config(ClientConfig.of(entries));
    }

    /** Adds the entries of a .properties, .yaml/.yml or .toml file. */
    public FarmClient config(Path file) {
        return config(ClientConfig.load(file));
    }

    public ClientConfig config() {
        return config;
    }

    public FarmClient task(String name, Consumer<TaskDefinition> definition) {
        TaskDefinition task = new TaskDefinition(name);
        definition.accept(task);
        tasks.add(task);
        return this;
    }

    /** A working copy to watch (a template); its kind (git, svn) is detected when a run starts. */
    public FarmClient sandbox(String directory) {
        sandboxPaths.add(Objects.requireNonNull(directory, "directory"));
        return this;
    }

    public FarmClient sandbox(Path directory) {
        return sandbox(directory.toString().replace("{", "{{").replace("}", "}}"));
    }

    public FarmClient sandbox(Sandbox sandbox) {
        sandboxes.add(Objects.requireNonNull(sandbox, "sandbox"));
        return this;
    }

    /** Credentials and time-out for the sandboxes; by default the configuration's {@code sandbox.*} entries. */
    public FarmClient sandboxOptions(SandboxOptions options) {
        this.sandboxOptions = options;
        return this;
    }

    /** The sandbox kinds to choose from; by default those installed on the class path. */
    public FarmClient sandboxRegistry(SandboxRegistry registry) {
        this.sandboxRegistry = registry;
        return this;
    }

    /** A command (a template) whose exit status 0 means there are new commits. */
    public FarmClient checkingCommand(String line) {
        this.checkingCommand = line;
        return this;
    }

    /** How long to wait between checks that found nothing (5 minutes by default). */
    public FarmClient idle(Duration period) {
        this.idle = Objects.requireNonNull(period, "period");
        return this;
    }

    /** The server to report to: {@code http://host/prefix/testfarmservice} or {@code http://host/prefix/}. */
    public FarmClient remote(String baseUrl) {
        this.remote = baseUrl;
        return this;
    }

    public FarmClient remote(URI baseUrl) {
        return remote(baseUrl.toString());
    }

    /**
     * Signs the reports to the server with {@code key} (see docs/java-client.md,
     * "Signing"); without one, the key comes from the configuration
     * ({@code testfarm.key} or {@code testfarm.key_file}) or the environment
     * ({@code TESTFARM_KEY} or {@code TESTFARM_KEY_FILE}), else reports go unsigned.
     */
    public FarmClient key(ClientKey key) {
        this.key = key;
        return this;
    }

    /** A local log tree, with the server's layout, to report to as well. */
    public FarmClient localLogs(Path directory) {
        this.localLogs = directory;
        return this;
    }

    /** Where the pause marker, the lock and the spool live; {@code ~/.testfarm/<project>/<client>/} by default. */
    public FarmClient stateDirectory(Path directory) {
        this.stateDirectory = directory;
        return this;
    }

    public StateDirectory state() {
        return stateDirectory == null ? StateDirectory.defaultFor(client) : new StateDirectory(stateDirectory);
    }

    public FarmClient listener(FarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Where the console listener prints progress; null for no console output. */
    public FarmClient console(PrintStream out) {
        this.console = out;
        return this;
    }

    public FarmClient environment(EnvironmentSource environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /** The directory every task starts in (the process's own by default). */
    public FarmClient directory(Path directory) {
        return environment(new MutableEnvironment(System.getenv(), directory.toAbsolutePath()));
    }

    /** The clock execution ids ({@code YYYYmmdd-HHMMSS}, local time) are read from. */
    public FarmClient clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = null;
        return this;
    }

    /** One source of ids for all runs of this client, so two runs within a second get distinct ids. */
    synchronized ExecutionIds ids() {
        if (ids == null) {
            ids = new ExecutionIds(clock);
        }
        return ids;
    }

    /** Whether Ctrl-C and SIGTERM end the running execution as aborted first (on by default). */
    public FarmClient shutdownHook(boolean install) {
        this.shutdownHook = install;
        return this;
    }

    public FarmClient warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    /** The tasks with their templates filled. */
    public ExecutionPlan plan() {
        return new ExecutionPlan(tasks.stream().map(t -> t.toTask(config)).toList());
    }

    /** One check, then an execution whatever it found. */
    public CycleReport runOnce() {
        return runOnce(FirstRun.ALWAYS);
    }

    public CycleReport runOnce(FirstRun firstRun) {
        try (ClientRun run = start()) {
            return run.runner().runOnce(firstRun);
        } finally {
            current = null;
        }
    }

    /** An execution now, without checking, even when paused. */
    public CycleReport runForced() {
        try (ClientRun run = start()) {
            return run.runner().runForced();
        } finally {
            current = null;
        }
    }

    /** Check, run when there are new commits, wait; until {@link #stop()}, Ctrl-C or SIGTERM. */
    public void runContinuously(FirstRun firstRun) {
        try (ClientRun run = start()) {
            run.runner().runContinuously(firstRun);
        } finally {
            current = null;
        }
    }

    public void runContinuously() {
        runContinuously(FirstRun.ALWAYS);
    }

    /** Stops a run from another thread; its execution ends aborted. */
    public void stop() {
        ClientRun run = current;
        if (run != null) {
            run.runner().stop();
        }
    }

    public void pause() {
        state().pause();
    }

    public void resume() {
        state().resume();
    }

    public boolean isPaused() {
        return state().isPaused();
    }

    private ClientRun start() {
        ClientRun run = ClientRun.open(this);
        current = run;
        return run;
    }
}
