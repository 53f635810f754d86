package org.testfarm.state;

import java.util.Locale;

/** A client's last build status, as the JSON feed names it. */
public enum Status {
    GREEN, RED, INT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
