package org.testfarm.vcs;

import org.testfarm.TestFarmException;

/** Two sandbox providers claim the same name; the message names both classes. */
public class DuplicateProviderException extends TestFarmException {

    public DuplicateProviderException(String name, SandboxProvider registered, SandboxProvider refused) {
        super("two sandbox providers are named '" + name + "': " + registered.getClass().getName()
                + " is registered, so " + refused.getClass().getName()
                + " is refused; remove one of them from the class path or rename it");
    }
}
