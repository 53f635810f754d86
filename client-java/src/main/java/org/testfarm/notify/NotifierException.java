package org.testfarm.notify;

import org.testfarm.TestFarmException;

/** A channel could not send a notification: its server is unreachable, refused it, timed out. */
public class NotifierException extends TestFarmException {

    public NotifierException(String message) {
        super(message);
    }

    public NotifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
