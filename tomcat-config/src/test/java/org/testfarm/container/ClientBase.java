package org.testfarm.container;

/**
 * The two base URLs deployed clients are configured with, and the path under the
 * context each one makes for a wire method.
 */
enum ClientBase {

    /** {@code http://host/testfarm/testfarmservice}: requests go to {@code /testfarm/testfarmservice/<method>}. */
    SERVICE("/testfarmservice/"),
    /** {@code http://host/testfarm/}: the client appends {@code /<method>}, so {@code /testfarm//<method>}. */
    SLASH("//");

    private final String prefix;

    ClientBase(String prefix) {
        this.prefix = prefix;
    }

    String path(String wireMethod) {
        return prefix + wireMethod;
    }
}
