package org.testfarm.state;

import java.util.Locale;

/** What a client does now: running, waiting for its next check, or not responding. */
public enum Doing {
    RUN, WAIT, OLD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
