package org.testfarm.store;

import java.io.IOException;

import org.testfarm.event.ExecutionRef;

/**
 * An execution being written: its journal kept open and a filter that knows the
 * events it holds already, to store each event once. Callers lock the object around a
 * check-and-append and retry elsewhere when it is {@link #closed}.
 */
final class OpenExecution {

    final ExecutionRef ref;
    final Journal journal;
    final ReplayFilter filter = new ReplayFilter();
    /** Whether its {@code .info} file is known to exist. */
    boolean hasInfo;
    /** Records in the journal: the position of the next one. */
    long length;
    volatile long lastUsed = System.nanoTime();
    boolean closed;

    OpenExecution(ExecutionRef ref, Journal journal) {
        this.ref = ref;
        this.journal = journal;
    }

    /** Closes the journal; called with the object locked. */
    void close() {
        closed = true;
        try {
            journal.close();
        } catch (IOException e) {
            // the data is in the write-ahead log; nothing is lost by a failed close
        }
    }
}
