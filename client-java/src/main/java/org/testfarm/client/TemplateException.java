package org.testfarm.client;

import org.testfarm.TestFarmException;

/** A command template names a placeholder the configuration does not have. */
public class TemplateException extends TestFarmException {

    private final String placeholder;

    public TemplateException(String placeholder, String message) {
        super(message);
        this.placeholder = placeholder;
    }

    /** The unknown name, without braces. */
    public String placeholder() {
        return placeholder;
    }
}
