package org.testfarm.notify;

import org.testfarm.TestFarmException;

/** A notification setting is missing or malformed; the message names the key and what it should be. */
public class InvalidSettingsException extends TestFarmException {

    public InvalidSettingsException(String message) {
        super(message);
    }
}
