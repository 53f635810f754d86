package org.testfarm.jython.bridge;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a v1 Runner runs: instead of ending the JVM, it cancels the
 * running execution (which the engine then reports aborted) and interrupts the
 * script's thread, so a sleep between checks ends too. The Runner then raises
 * {@code KeyboardInterrupt}, as CPython would have. {@link #close} puts the
 * previous handling back.
 */
public final class Interruption implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final Thread scriptThread = Thread.currentThread();
    private volatile Runnable onInterrupt = () -> { };
    private volatile boolean happened;
    private SignalHandler previous;

    private Interruption() {
    }

    /** Starts catching Ctrl-C for the calling (script) thread. */
    public static Interruption catchCtrlC() {
        Interruption interruption = new Interruption();
        try {
            interruption.previous = Signal.handle(INT, signal -> interruption.interrupt());
        } catch (IllegalArgumentException e) {
            interruption.previous = null; // no SIGINT on this platform or JVM: Ctrl-C ends the JVM as before
        }
        return interruption;
    }

    /** What to cancel on Ctrl-C (the running execution); replaces the previous one. */
    public void whileRunning(Runnable cancel) {
        this.onInterrupt = cancel == null ? () -> { } : cancel;
    }

    /** Whether Ctrl-C was pressed since {@link #catchCtrlC}. */
    public boolean happened() {
        return happened;
    }

    /** Clears the script thread's interrupt status left by a Ctrl-C, returning whether it was set. */
    public boolean clearInterruptStatus() {
        return Thread.interrupted();
    }

    void interrupt() {
        happened = true;
        onInterrupt.run();
        scriptThread.interrupt();
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
            previous = null;
        }
    }
}
