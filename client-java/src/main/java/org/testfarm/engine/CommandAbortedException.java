package org.testfarm.engine;

/**
 * A command stopped because its execution was cancelled or its thread
 * interrupted; its processes have been killed. Carries what it had done so far.
 */
public class CommandAbortedException extends InterruptedException {

    private final transient CommandResult partialResult;

    public CommandAbortedException(CommandResult partialResult) {
        super("command aborted");
        this.partialResult = partialResult;
    }

    /** The failed result, its output ending with a note saying it was aborted. */
    public CommandResult partialResult() {
        return partialResult;
    }
}
