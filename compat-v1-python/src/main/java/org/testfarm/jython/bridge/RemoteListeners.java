package org.testfarm.jython.bridge;

import org.testfarm.event.ClientRef;
import org.testfarm.runner.StateDirectory;
import org.testfarm.wire.RemoteLogger;

/**
 * The listener that reports to a TestFarm server at a v1 {@code remote_server_url}:
 * a {@link RemoteLogger} whose offline spool is the client's own
 * ({@code ~/.testfarm/<project>/<client>/spool}).
 */
public final class RemoteListeners {

    private RemoteListeners() {
    }

    public static RemoteLogger open(String serverUrl, ClientRef client) {
        return new RemoteLogger(serverUrl, StateDirectory.defaultFor(client).spool());
    }
}
