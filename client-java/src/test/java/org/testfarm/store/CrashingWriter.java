package org.testfarm.store;

import java.nio.file.Path;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

/**
 * A separate process for crash tests: appends events to a store, printing
 * {@code ACK n} once event n is acknowledged, and ends without closing the store
 * (as a killed process would), or is killed by the test meanwhile.
 */
public final class CrashingWriter {

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int commands = Integer.parseInt(args[1]);
        String execution = args[2];
        long checkpointMillis = args.length > 3 ? Long.parseLong(args[3]) : 30;
        LogStore store = LogStore.open(root, StoreOptions.defaults().withAutoRegister(true)
                .withCheckpoints(java.time.Duration.ofMillis(checkpointMillis), 16 * 1024 * 1024));
        ExecutionRef ref = new ExecutionRef("crash", "writer", execution);
        store.taskStarted(ref, 1, "work");
        System.out.println("ACK 0");
        for (int i = 1; i <= commands; i++) {
            store.commandEnded(ref, 1, i, "output " + i, i % 7 != 0, null, Map.of("n", i));
            System.out.println("ACK " + i);
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);
    }

    static ClientRef client() {
        return new ClientRef("crash", "writer");
    }
}
