package org.testfarm.server.web;

import org.testfarm.TestFarmException;

/** A request body over the configured limit. */
final class RequestTooLargeException extends TestFarmException {

    RequestTooLargeException(long length, long limit) {
        super("the request body (" + length + " bytes) is larger than the limit of " + limit + " bytes");
    }

    RequestTooLargeException(String message) {
        super(message);
    }
}
