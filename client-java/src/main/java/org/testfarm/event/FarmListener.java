package org.testfarm.event;

import java.util.Map;

/**
 * The one listener of TestFarm. The log store, the remote logger, the console and
 * the notifiers all implement it, so a local log and a remote one are
 * interchangeable. Every method has a no-op default; implement what you need.
 */
public interface FarmListener {

    /** The client is alive and will check again within {@code minutes}. */
    default void clientIdle(ClientRef client, double minutes) {}

    /** A new execution; {@code info} holds extra keywords such as {@code snapshot}. */
    default void executionStarted(ExecutionRef execution, Map<String, Object> info) {}

    default void taskStarted(ExecutionRef execution, int task, String description) {}

    default void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {}

    default void commandEnded(ExecutionRef execution, int task, int command, String output,
                              boolean ok, String info, Map<String, Number> stats) {}

    default void taskEnded(ExecutionRef execution, int task, boolean ok) {}

    /** {@code ok} is {@code null} for an aborted execution. */
    default void executionEnded(ExecutionRef execution, Boolean ok) {}
}
