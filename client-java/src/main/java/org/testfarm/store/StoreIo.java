package org.testfarm.store;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs file work and turns its I/O failures into a {@link StoreException} saying what failed. */
final class StoreIo {

    interface Action<T> {
        T run() throws IOException;
    }

    interface VoidAction {
        void run() throws IOException;
    }

    private StoreIo() {}

    static <T> T io(Action<T> action, String what) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StoreException(what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    static void io(VoidAction action, String what) {
        io(() -> {
            action.run();
            return null;
        }, what);
    }
}
