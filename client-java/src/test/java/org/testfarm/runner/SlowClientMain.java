package org.testfarm.runner;

import java.nio.file.Path;
import java.util.Map;

import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.Task;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * A client run in its own JVM by {@link StopAndLockTest}: one slow command, a
 * local log tree, the shutdown hook on. Prints {@code started} once the command runs.
 * Arguments: state directory, log directory.
 */
public final class SlowClientMain {

    public static void main(String[] args) {
        LogStore store = LogStore.open(Path.of(args[1]), StoreOptions.defaults().withAutoRegister(true));
        FarmListener started = new FarmListener() {
            @Override
            public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
                System.out.println("started");
                System.out.flush();
            }

            @Override
            public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
            }
        };
        new Runner(RunnerTest.CLIENT)
                .stateDirectory(new StateDirectory(Path.of(args[0])))
                .listener(store)
                .listener(started)
                .shutdownHook(true)
                .plan(ExecutionPlan.of(Task.ofLines("slow", "sleep 60"), Task.ofLines("never", "true")))
                .runOnce();
    }
}
