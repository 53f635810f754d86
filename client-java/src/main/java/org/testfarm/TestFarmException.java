package org.testfarm;

/**
 * The root of TestFarm's exceptions. Specific failures subclass it; a failing
 * build step is never an exception, only infrastructure problems are.
 */
public class TestFarmException extends RuntimeException {

    public TestFarmException(String message) {
        super(message);
    }

    public TestFarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
