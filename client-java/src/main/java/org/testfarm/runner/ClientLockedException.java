package org.testfarm.runner;

import java.nio.file.Path;

import org.testfarm.TestFarmException;

/** Another instance of the same client is running: it holds the lock file. */
public class ClientLockedException extends TestFarmException {

    private final Path lockFile;
    private final String holder;

    public ClientLockedException(Path lockFile, String holder) {
        super("another instance of this client is already running (pid " + holder + "); it holds " + lockFile
                + ". Stop it first, or give this one another state directory.");
        this.lockFile = lockFile;
        this.holder = holder;
    }

    public Path lockFile() {
        return lockFile;
    }

    /** The process id the lock file names, or "unknown". */
    public String holder() {
        return holder;
    }
}
