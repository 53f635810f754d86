package org.testfarm.jython;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C. The launching JVM ignores it (the script's JVM, in the same process
 * group, gets it too and decides); the script's JVM turns it into a gentle stop
 * of the running execution while a v1 Runner runs.
 */
final class Signals {

    private static final Signal INT = new Signal("INT");

    private Signals() {
    }

    static void ignoreInterrupt() {
        try {
            Signal.handle(INT, SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            // no SIGINT here (or it is in use): a Ctrl-C then ends both JVMs at once
        }
    }
}
