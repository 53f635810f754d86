package org.testfarm.server.web;

import org.testfarm.TestFarmException;

/** A page or feed of something the tree does not hold. */
final class PageNotFoundException extends TestFarmException {

    PageNotFoundException(String what) {
        super(what);
    }
}
