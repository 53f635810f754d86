package org.testfarm.jython.bridge;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a v1 Runner runs: instead of ending the JVM, it stops the
 * runner, which ends the running execution aborted (or its wait between
 * checks). The Runner then raises {@code KeyboardInterrupt}, as CPython would
 * have. The script's thread is not interrupted: an interrupt would close the
 * channels under {@code sys.stdout} and {@code sys.stderr}. {@link #close} puts
 * the previous handling back.
 */
public final class Interruption implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

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

    void interrupt() {
        happened = true;
        onInterrupt.run();
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
            previous = null;
        }
    }
}
