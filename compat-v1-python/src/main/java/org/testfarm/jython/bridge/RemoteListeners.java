package org.testfarm.jython.bridge;

import org.testfarm.event.FarmListener;

/** The listener that reports to a TestFarm server at a v1 {@code remote_server_url}. */
public final class RemoteListeners {

    private RemoteListeners() {
    }

    public static FarmListener open(String serverUrl) {
        throw new UnsupportedOperationException("remote reporting to " + serverUrl + " is not available yet");
    }
}
