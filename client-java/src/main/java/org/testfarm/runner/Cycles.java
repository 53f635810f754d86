package org.testfarm.runner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.testfarm.engine.CommandRunner;
import org.testfarm.engine.EnvironmentSource;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.event.ClientRef;
import org.testfarm.vcs.Sandbox;

/**
 * The cycles of one run of a {@link Runner}: check, announce idle, execute when
 * there is something to build, wait. {@link #stop()} may come from any thread.
 */
final class Cycles {

    /** What a run is made of, fixed for its duration. */
    record Setup(ClientRef client, Supplier<ExecutionPlan> plan, List<Sandbox> sandboxes, CommitCheck check,
                 Duration idlePeriod, ExecutionIds ids, StateDirectory state, CommandRunner commandRunner,
                 EnvironmentSource environment, Sleeper sleeper, CheckObserver observer) {
    }

    /** The shortest wait between two checks that found nothing. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final Setup setup;
    private final Broadcast listeners;
    private final Object wake = new Object();
    private volatile boolean stopRequested;
    private volatile Execution current;
    private boolean lastSandboxFailed;

    Cycles(Setup setup, Broadcast listeners) {
        this.setup = setup;
        this.listeners = listeners;
    }

    void stop() {
        stopRequested = true;
        Execution execution = current;
        if (execution != null) {
            execution.cancel();
        }
        setup.check().cancel();
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private boolean stopping() {
        return stopRequested || Thread.currentThread().isInterrupted();
    }

    /** Checks, announces idle, and executes when there are new commits or {@code runAnyway}. */
    CycleReport once(boolean runAnyway) {
        boolean paused = setup.state().isPaused();
        boolean found = !paused && setup.check().newCommits();
        listeners.clientIdle(setup.client(), setup.idlePeriod().toMillis() / 60_000.0);
        setup.observer().checked(found, setup.idlePeriod());
        if (paused || stopping() || !(found || runAnyway)) {
            lastSandboxFailed = false;
            return CycleReport.idle(found, paused);
        }
        return execute(found);
    }

    /** Loops until stopped: a cycle, then a wait unless it ran an execution that went through. */
    CycleReport loop(boolean runFirst) {
        CycleReport report = once(runFirst);
        while (!stopping()) {
            if ((!report.ran() || lastSandboxFailed) && !idle()) {
                break;
            }
            if (stopping()) {
                break;
            }
            report = once(false);
        }
        return report;
    }

    CycleReport execute(boolean found) {
        ExecutionPlan plan = Objects.requireNonNull(setup.plan().get(), "the plan supplier gave no plan");
        String id = setup.ids().next();
        setup.state().recordExecution(id);
        Execution execution = new Execution(setup.client().execution(id), listeners,
                setup.sandboxes(), setup.commandRunner(), setup.environment());
        current = execution;
        try {
            if (stopRequested) {
                execution.cancel();
            }
            ExecutionOutcome outcome = execution.run(plan);
            lastSandboxFailed = execution.sandboxFailed();
            return new CycleReport(found, false, execution.ref(), outcome);
        } finally {
            current = null;
            listeners.flush();
        }
    }

    /**
     * Waits the idle period (at least {@link #MIN_WAIT} with the default sleeper,
     * so that an idle period of 0 cannot spin); false when stopped or interrupted meanwhile.
     */
    private boolean idle() {
        Duration period = setup.idlePeriod();
        try {
            if (setup.sleeper() != null) {
                setup.sleeper().sleep(period);
                return !stopping();
            }
            if (period.compareTo(MIN_WAIT) < 0) {
                period = MIN_WAIT;
            }
            long deadline = System.nanoTime() + period.toNanos();
            synchronized (wake) {
                for (long left = period.toNanos(); left > 0 && !stopRequested; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                }
            }
            return !stopping();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
