package org.testfarm.store;

import org.testfarm.TestFarmException;

/** A project or client that is registered already. */
public class AlreadyExistsException extends TestFarmException {

    public AlreadyExistsException(String what) {
        super(what + " already exists");
    }
}
