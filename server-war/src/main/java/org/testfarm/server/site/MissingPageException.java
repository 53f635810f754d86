package org.testfarm.server.site;

import org.testfarm.TestFarmException;

/** A file of the site that the tree holds nothing for. */
public final class MissingPageException extends TestFarmException {

    public MissingPageException(String what) {
        super(what);
    }
}
