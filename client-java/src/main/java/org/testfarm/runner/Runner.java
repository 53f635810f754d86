package org.testfarm.runner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.testfarm.engine.Command;
import org.testfarm.engine.CommandRunner;
import org.testfarm.engine.EnvironmentSource;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.event.ClientRef;
import org.testfarm.event.FarmListener;
import org.testfarm.vcs.Sandbox;

/**
 * Runs one client: checks for new commits, tells the listeners the client is
 * idle, and runs an execution when there is something to build. Configure it
 * with the fluent setters, then call one of the {@code run...} methods:
 *
 * <pre>{@code
 * new Runner(new ClientRef("myproject", "linux-box"))
 *         .plan(ExecutionPlan.of(Task.ofLines("build", "make"), Task.ofLines("test", "make check")))
 *         .sandbox(sandbox)
 *         .listener(LogStore.open(logs, StoreOptions.defaults().withAutoRegister(true)))
 *         .idlePeriod(Duration.ofMinutes(5))
 *         .runContinuously();
 * }</pre>
 *
 * <p>A run holds the client's lock in its {@link StateDirectory}: a second
 * instance fails with {@link ClientLockedException}. While the state directory's
 * {@code paused} marker exists, cycles report idle and run nothing (a forced run
 * still runs). {@link #stop()} (or, with {@link #shutdownHook(boolean)}, Ctrl-C
 * or SIGTERM) ends the current execution as aborted and returns.
 *
 * <p>Listener failures are warnings, never the end of a run. Not thread-safe,
 * except {@link #stop()}.
 */
public final class Runner {

    private final ClientRef client;
    private Supplier<ExecutionPlan> plan = ExecutionPlan::of;
    private final List<FarmListener> listeners = new ArrayList<>();
    private final List<Sandbox> sandboxes = new ArrayList<>();
    private Command checkingCommand;
    private Duration idlePeriod = Duration.ofMinutes(5);
    private ExecutionIds ids = new ExecutionIds(Clock.systemDefaultZone());
    private StateDirectory state;
    private EnvironmentSource environment = EnvironmentSource.system();
    private CommandRunner commandRunner = new CommandRunner();
    private Sleeper sleeper;
    private CheckObserver checkObserver = (found, idle) -> { };
    private Consumer<String> warnings = warning -> System.err.println("[TestFarm] " + warning);
    private boolean shutdownHook;

    private volatile boolean stopRequested;
    private volatile Cycles active;

    public Runner(ClientRef client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public ClientRef client() {
        return client;
    }

    /** What every execution runs. */
    public Runner plan(ExecutionPlan plan) {
        Objects.requireNonNull(plan, "plan");
        this.plan = () -> plan;
        return this;
    }

    /** Asked for the plan at the start of every execution. */
    public Runner plan(Supplier<ExecutionPlan> plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    public Runner listener(FarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public Runner listeners(List<? extends FarmListener> listeners) {
        listeners.forEach(this::listener);
        return this;
    }

    /** A working copy to watch and update first in every execution. */
    public Runner sandbox(Sandbox sandbox) {
        sandboxes.add(Objects.requireNonNull(sandbox, "sandbox"));
        return this;
    }

    public Runner sandboxes(List<? extends Sandbox> sandboxes) {
        sandboxes.forEach(this::sandbox);
        return this;
    }

    /** A command whose exit status 0 means there are new commits; null for none. */
    public Runner checkingCommand(Command command) {
        this.checkingCommand = command;
        return this;
    }

    public Runner checkingCommand(String line) {
        return checkingCommand(line == null ? null : Command.of(line));
    }

    /**
     * How long to wait after a check that found nothing (the default wait lasts
     * at least a second); announced to listeners as idle minutes.
     */
    public Runner idlePeriod(Duration idlePeriod) {
        if (idlePeriod.isNegative()) {
            throw new IllegalArgumentException("the idle period cannot be negative: " + idlePeriod);
        }
        this.idlePeriod = idlePeriod;
        return this;
    }

    public Duration idlePeriod() {
        return idlePeriod;
    }

    /** The clock execution ids are read from (local time). */
    public Runner clock(Clock clock) {
        this.ids = new ExecutionIds(clock);
        return this;
    }

    /** Where execution ids come from; share one between runners of the same client. */
    public Runner executionIds(ExecutionIds ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
        return this;
    }

    /** Where the pause marker, the lock and the spool live; {@link StateDirectory#defaultFor} by default. */
    public Runner stateDirectory(StateDirectory state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
    }

    public StateDirectory stateDirectory() {
        if (state == null) {
            state = StateDirectory.defaultFor(client);
        }
        return state;
    }

    public Runner environment(EnvironmentSource environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    public Runner commandRunner(CommandRunner commandRunner) {
        this.commandRunner = Objects.requireNonNull(commandRunner, "commandRunner");
        return this;
    }

    /** How to wait between checks; by default a wait that {@link #stop()} cuts short. */
    public Runner sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    public Runner checkObserver(CheckObserver observer) {
        this.checkObserver = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /** Where warnings go (a listener that failed, a lock taken over); stderr by default. */
    public Runner warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    /** Whether a run ends its execution as aborted when the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public Runner shutdownHook(boolean install) {
        this.shutdownHook = install;
        return this;
    }

    public boolean isPaused() {
        return stateDirectory().isPaused();
    }

    /** Creates the pause marker: this client and any running instance of it run nothing until resumed. */
    public void pause() {
        stateDirectory().pause();
    }

    public void resume() {
        stateDirectory().resume();
    }

    /** One check, then an execution if there are new commits or {@code firstRun} is ALWAYS. */
    public CycleReport runOnce(FirstRun firstRun) {
        return session(cycles -> cycles.once(firstRun == FirstRun.ALWAYS));
    }

    /** One check, then an execution whatever it found (v1's default). */
    public CycleReport runOnce() {
        return runOnce(FirstRun.ALWAYS);
    }

    /** An execution now, without checking, even when paused. */
    public CycleReport runForced() {
        return session(cycles -> cycles.execute(true));
    }

    /**
     * Loops until {@link #stop()}: check, run if there are new commits, else
     * wait the idle period. The first cycle runs as {@link #runOnce(FirstRun)} does.
     * After an execution whose sandbox update failed it waits too, then retries.
     */
    public void runContinuously(FirstRun firstRun) {
        session(cycles -> cycles.loop(firstRun == FirstRun.ALWAYS));
    }

    public void runContinuously() {
        runContinuously(FirstRun.ALWAYS);
    }

    /**
     * Stops a run from any thread: a running execution ends aborted, a wait ends,
     * and the {@code run...} method returns.
     */
    public void stop() {
        stopRequested = true;
        Cycles cycles = active;
        if (cycles != null) {
            cycles.stop();
        }
    }

    private CycleReport session(Function<Cycles, CycleReport> body) {
        stopRequested = false;
        Broadcast broadcast = new Broadcast(listeners, warnings);
        try (ClientLock lock = stateDirectory().lock()) {
            lock.previousHolder().ifPresent(pid -> warnings.accept("took over the lock " + lock.file()
                    + " left by process " + pid + ", which is no longer running"));
            stateDirectory().lastExecution().ifPresent(ids::after);
            CommitCheck check = new CommitCheck(sandboxes, checkingCommand, commandRunner, environment, warnings);
            Cycles cycles = new Cycles(new Cycles.Setup(client, plan, List.copyOf(sandboxes), check, idlePeriod, ids,
                    stateDirectory(), commandRunner, environment, sleeper, checkObserver), broadcast);
            active = cycles;
            if (stopRequested) {
                cycles.stop();
            }
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = shutdownHook ? installHook(finished) : null;
            try {
                return body.apply(cycles);
            } finally {
                active = null;
                broadcast.flush();
                finished.countDown();
                removeHook(hook);
            }
        }
    }

    /** On Ctrl-C or SIGTERM: stop, and let the run end its execution and flush before the JVM exits. */
    private Thread installHook(CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            stop();
            try {
                if (!finished.await(30, TimeUnit.SECONDS)) {
                    warnings.accept("the run did not end within 30 s of the stop request");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "testfarm-stop " + client);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now, and waits for this run to finish
        }
    }
}
