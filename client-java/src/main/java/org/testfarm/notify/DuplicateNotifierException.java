package org.testfarm.notify;

import org.testfarm.TestFarmException;

/** Two notifier providers claim the same name; the message names both classes. */
public class DuplicateNotifierException extends TestFarmException {

    public DuplicateNotifierException(String name, NotifierProvider registered, NotifierProvider refused) {
        super("two notifier providers are named '" + name + "': " + registered.getClass().getName()
                + " is registered, so " + refused.getClass().getName()
                + " is refused; remove one of them from the class path or rename it");
    }
}
