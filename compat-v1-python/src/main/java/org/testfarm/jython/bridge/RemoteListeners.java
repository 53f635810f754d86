package org.testfarm.jython.bridge;

import org.testfarm.event.ClientRef;
import org.testfarm.runner.StateDirectory;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RemoteLogger;

/**
 * The listener that reports to a TestFarm server at a v1 {@code remote_server_url}:
 * a {@link RemoteLogger} whose offline spool is the client's own
 * ({@code ~/.testfarm/<project>/<client>/spool}), signing the reports with the
 * key of the environment variable {@code TESTFARM_KEY} (or the file that
 * {@code TESTFARM_KEY_FILE} names) when there is one; unsigned otherwise.
 */
public final class RemoteListeners {

    private RemoteListeners() {
    }

    public static RemoteLogger open(String serverUrl, ClientRef client) {
        RemoteLogger logger = new RemoteLogger(serverUrl, StateDirectory.defaultFor(client).spool());
        ClientKey.fromEnvironment(System.getenv()).ifPresent(logger::key);
        return logger;
    }
}
