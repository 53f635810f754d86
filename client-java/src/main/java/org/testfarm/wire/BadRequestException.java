package org.testfarm.wire;

/** A missing or extra parameter, a malformed literal, or a value of the wrong type. */
public class BadRequestException extends WireException {

    public BadRequestException(String message) {
        super(message);
    }
}
