package org.testfarm.wire;

import org.testfarm.TestFarmException;

/** A request that does not follow the wire protocol. */
public class WireException extends TestFarmException {

    public WireException(String message) {
        super(message);
    }
}
