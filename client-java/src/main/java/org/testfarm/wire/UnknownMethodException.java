package org.testfarm.wire;

/** A method the protocol does not have. */
public class UnknownMethodException extends WireException {

    private final String method;

    public UnknownMethodException(String method) {
        super("Bad function testfarmservice." + method);
        this.method = method;
    }

    public String method() {
        return method;
    }
}
