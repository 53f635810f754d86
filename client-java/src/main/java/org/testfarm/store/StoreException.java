package org.testfarm.store;

import org.testfarm.TestFarmException;

/** The log tree could not be read or written (disk full, permissions, ...). */
public class StoreException extends TestFarmException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
