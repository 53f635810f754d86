package org.testfarm.store;

/** What an append did: stored the event, or found it stored already. Either way it is durable. */
public enum AppendResult {
    STORED,
    DUPLICATE
}
