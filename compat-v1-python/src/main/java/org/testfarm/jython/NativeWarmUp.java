package org.testfarm.jython;

import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Jython's {@code posix} module (behind {@code import os}) binds the C library
 * through jnr-ffi on first use: extracting and loading jffi's stub, generating
 * the binding classes, parsing their annotations. That takes a few hundred
 * milliseconds on one core, and nearly every v1 script imports {@code os}.
 * jnr-posix keeps the bound C library once per JVM, so a daemon thread binds it
 * while the main thread sets Jython up; {@code import os} then finds it ready
 * (or, if it comes first, simply waits for the same lock).
 *
 * <p>Off with {@code -Dtestfarm.v1.warmNative=false}. A failure here changes
 * nothing: Jython then binds (or falls back to Java) by itself, as before.
 */
final class NativeWarmUp {

    static final String PROPERTY = "testfarm.v1.warmNative";

    private NativeWarmUp() {
    }

    /** Starts binding the C library in the background, unless switched off. */
    static void start() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return;
        }
        Thread thread = new Thread(NativeWarmUp::bind, "testfarm-native-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY);
        thread.start();
    }

    private static void bind() {
        try {
            POSIX posix = POSIXFactory.getNativePOSIX();
            posix.getpid();
        } catch (Throwable ignored) {
            // Jython's posix module does the same work, or falls back, when it is imported
        }
    }
}
