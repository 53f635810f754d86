package org.testfarm.server.demo;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyTuple;
import org.testfarm.store.LogStore;

/**
 * A few days of made-up history for the demo farm, so a newcomer sees every kind
 * of row and bubble at once: a steady green client, one that broke and shows the
 * change list, and one that went silent in the middle of a run.
 */
public final class DemoHistory {

    public static final String PROJECT = "Demo";

    private final LogStore store;
    private final LocalDateTime now;
    private final Random random = new Random(7);

    public DemoHistory(LogStore store, LocalDateTime now) {
        this.store = store;
        this.now = now;
    }

    /** Registers the demo project and its made-up clients, and writes their history, once. */
    public boolean populate() {
        if (store.hasProject(PROJECT)) {
            return false;
        }
        store.createProject(PROJECT, Map.of("briefDescription", "The TestFarm demo farm",
                "description", "Made-up clients beside the <b>example clients</b> of the repository."));
        ClientRef steady = client("debian-gcc", "Debian 12, gcc 12");
        ClientRef broken = client("windows-mingw", "Windows 11, MinGW");
        ClientRef silent = client("macos-clang", "macOS 14, clang");
        for (int day = 4; day >= 1; day--) {
            for (int run = 0; run < 2; run++) {
                LocalDateTime start = now.minusDays(day).withHour(9 + 6 * run).withMinute(13).withSecond(0);
                execution(steady, start, true, false);
                execution(broken, start.plusMinutes(7), day > 1 || run == 0, false);
                execution(silent, start.plusMinutes(3), true, false);
            }
        }
        execution(broken, now.minusHours(2), false, false);
        execution(silent, now.minusHours(5), true, true);
        store.clientIdle(steady, 60);
        store.clientIdle(broken, 60);
        return true;
    }

    private ClientRef client(String name, String brief) {
        ClientRef ref = new ClientRef(PROJECT, name);
        store.createClient(ref, Map.of("briefDescription", brief, "description", "A made-up " + brief + " box"));
        return ref;
    }

    private void execution(ClientRef client, LocalDateTime start, boolean ok, boolean dies) {
        String id = start.format(LogStore.EXECUTION_FORMAT);
        ExecutionRef ref = client.execution(id);
        String author = ok ? "Ada Lovelace <ada@example.org>" : "Charles Babbage <charles@example.org>";
        store.append(ref, new ExecutionEvent.ExecutionStarted(Map.of("timestamp", id, "snapshot",
                List.of(PyTuple.of("r" + (1000 + random.nextInt(9000)), author, ok ? "Tidy the parser" : "Faster engine")))));
        store.append(ref, new ExecutionEvent.TaskStarted(1, "build"));
        store.append(ref, new ExecutionEvent.CommandStarted(1, 1, "./configure --prefix=/opt/demo"));
        store.append(ref, new ExecutionEvent.CommandEnded(1, 1, "", true, null, Map.of()));
        store.append(ref, new ExecutionEvent.CommandStarted(1, 2, "make -j2"));
        store.append(ref, new ExecutionEvent.CommandEnded(1, 2, "", true, null,
                Map.of("warnings", random.nextInt(4), "build seconds", 40 + random.nextInt(20))));
        store.append(ref, new ExecutionEvent.TaskEnded(1, true));
        store.append(ref, new ExecutionEvent.TaskStarted(2, "test"));
        store.append(ref, new ExecutionEvent.CommandStarted(2, 1, "make check"));
        if (dies) {
            return;
        }
        int tests = 120 + random.nextInt(8);
        String output = ok ? "" : "test_parser.c:42: \u001b[31mFAIL\u001b[0m expected 3, got 4\n"
                + "Ran " + tests + " tests\nFAILED (failures=1)\n";
        store.append(ref, new ExecutionEvent.CommandEnded(2, 1, output, ok, "Ran " + tests + " tests",
                Map.of("tests", tests, "failures", ok ? 0 : 1)));
        store.append(ref, new ExecutionEvent.TaskEnded(2, ok));
        store.append(ref, new ExecutionEvent.ExecutionEnded(ok,
                start.plusMinutes(4).format(LogStore.EXECUTION_FORMAT)));
    }
}
