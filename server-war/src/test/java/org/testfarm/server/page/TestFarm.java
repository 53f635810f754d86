package org.testfarm.server.page;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyTuple;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.template.Templates;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** A real log tree in a temporary folder, with a fixed clock, and helpers that record executions. */
public final class TestFarm implements AutoCloseable {

    public static final Clock NOON_MARCH_10_2026 = Clock.fixed(
            LocalDateTime.of(2026, 3, 10, 12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final Templates TEMPLATES = new Templates();

    public final LogStore store;
    public final FarmState farm;
    public final ExecutionIndex index;

    public TestFarm(Path root) {
        this(root, NOON_MARCH_10_2026);
    }

    public TestFarm(Path root, Clock clock) {
        store = LogStore.open(root, StoreOptions.defaults().withClock(clock).withAutoRegister(true));
        farm = new FarmState(store, clock, FarmState.DEFAULT_SILENCE);
        index = new ExecutionIndex(farm, 1000);
    }

    public TestFarm project(String project, String brief, String description) {
        store.createProject(project, meta(brief, description));
        return this;
    }

    public TestFarm client(ClientRef client, String brief, String description) {
        store.createClient(client, meta(brief, description));
        return this;
    }

    private static Map<String, Object> meta(String brief, String description) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (brief != null) {
            meta.put("briefDescription", brief);
        }
        if (description != null) {
            meta.put("description", description);
        }
        return meta;
    }

    /** A finished execution: task "build" ok, task "test" ok or failing with {@code output}. */
    public ExecutionRef finished(ClientRef client, String id, boolean ok, String output, String revision) {
        ExecutionRef ref = started(client, id, revision);
        store.taskStarted(ref, 1, "build");
        store.commandStarted(ref, 1, 1, "make");
        store.commandEnded(ref, 1, 1, "", true, null, Map.of("warnings", 3));
        store.taskEnded(ref, 1, true);
        store.taskStarted(ref, 2, "test");
        store.commandStarted(ref, 2, 1, "make check");
        store.commandEnded(ref, 2, 1, ok ? "" : output, ok, ok ? "Ran 12 tests" : null, Map.of("tests", 12));
        store.taskEnded(ref, 2, ok);
        store.executionEnded(ref, ok);
        return ref;
    }

    /** An execution still at its second task. */
    public ExecutionRef running(ClientRef client, String id) {
        ExecutionRef ref = started(client, id, "r-" + id);
        store.taskStarted(ref, 1, "build");
        store.commandStarted(ref, 1, 1, "make");
        store.commandEnded(ref, 1, 1, "", true, null, Map.of());
        store.taskEnded(ref, 1, true);
        store.taskStarted(ref, 2, "test");
        store.commandStarted(ref, 2, 1, "make check");
        return ref;
    }

    public ExecutionRef started(ClientRef client, String id, String revision) {
        ExecutionRef ref = client.execution(id);
        store.executionStarted(ref, Map.of("snapshot",
                List.of(PyTuple.of("repo", "Dev One <dev@example.org>", revision))));
        return ref;
    }

    /** Renders a page model with the real templates. */
    public static String html(PageModel page) {
        return TEMPLATES.page(page.template(), page, page.frame());
    }

    @Override
    public void close() {
        store.close();
    }
}
