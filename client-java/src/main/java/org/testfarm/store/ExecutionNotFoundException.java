package org.testfarm.store;

import org.testfarm.TestFarmException;
import org.testfarm.event.ExecutionRef;

/** An execution the tree holds nothing for. */
public class ExecutionNotFoundException extends TestFarmException {

    public ExecutionNotFoundException(ExecutionRef ref) {
        super("no execution '" + ref.execution() + "' of client '" + ref.client() + "' in project '"
                + ref.project() + "'");
    }
}
