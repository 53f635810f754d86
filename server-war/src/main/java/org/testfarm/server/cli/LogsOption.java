package org.testfarm.server.cli;

import java.nio.file.Path;

import picocli.CommandLine.Parameters;

import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** The {@code LOGS} argument that admin commands share: the server's log tree. */
final class LogsOption {

    @Parameters(index = "0", paramLabel = "LOGS", description = "The log directory (the server's --logs).")
    Path logs;

    LogStore open() {
        return LogStore.open(logs, StoreOptions.defaults());
    }
}
