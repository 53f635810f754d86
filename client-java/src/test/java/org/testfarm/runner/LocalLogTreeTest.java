package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.engine.Command;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.MutableEnvironment;
import org.testfarm.engine.Task;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/** A client's local log tree is a LogStore that registers what it does not know yet. */
class LocalLogTreeTest {

    @Test
    void localLogTree_createsProjectAndClient_andHoldsTheWholeExecution(@TempDir Path dir) {
        Path logs = dir.resolve("logs");
        try (LogStore local = LogStore.open(logs, StoreOptions.defaults().withAutoRegister(true))) {
            new Runner(RunnerTest.CLIENT)
                    .stateDirectory(new StateDirectory(dir.resolve("state")))
                    .environment(new MutableEnvironment(System.getenv(), dir))
                    .listener(local)
                    .plan(ExecutionPlan.of(Task.ofLines("build", "echo one", "echo two"),
                            Task.of("test", Command.of("echo 'Ran 3 tests'").withStats(out -> java.util.Map.of("tests", 3)))))
                    .runOnce();
        }

        try (LogStore tree = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            assertThat(tree.hasProject("Conformance")).isTrue();
            assertThat(tree.hasClient(RunnerTest.CLIENT)).isTrue();
            assertThat(tree.executions(RunnerTest.CLIENT)).hasSize(1);
            ExecutionLog log = tree.read(RunnerTest.CLIENT.execution(tree.executions(RunnerTest.CLIENT).get(0)));
            assertThat(log.events()).filteredOn(ExecutionEvent.TaskEnded.class::isInstance).hasSize(2);
            assertThat(log.events()).filteredOn(ExecutionEvent.CommandEnded.class::isInstance).hasSize(3);
            assertThat(log.events()).last().isInstanceOfSatisfying(ExecutionEvent.ExecutionEnded.class,
                    end -> assertThat(end.ok()).isTrue());
            assertThat(tree.stats(RunnerTest.CLIENT).keys()).containsExactly("tests");
            assertThat(tree.idleUntil(RunnerTest.CLIENT)).isPresent();
        }
    }
}
