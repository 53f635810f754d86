package org.testfarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testfarm.engine.ExecutionOutcome;
import org.testfarm.engine.ExecutionPlan;
import org.testfarm.engine.ExecutionRunner;
import org.testfarm.engine.Task;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyTuple;
import org.testfarm.state.Status;

/** The listener follows real executions of the engine and notifies as its policy says. */
class NotifyingListenerTest {

    static final ClientRef CLIENT = new ClientRef("demo", "linux");
    static final ExecutionPlan FAILING = ExecutionPlan.of(
            Task.ofLines("build", "true"),
            Task.ofLines("unit tests", "for i in $(seq 1 50); do echo line $i; done; echo oops >&2; exit 1"),
            Task.ofLines("install", "true"));
    static final ExecutionPlan PASSING = ExecutionPlan.of(Task.ofLines("build", "true"));

    final String box = UUID.randomUUID().toString();

    NotifyingListener listener(String policy) {
        Notifier letterbox = NotifierRegistry.installed().create("letterbox", Map.of("box", box));
        return new NotifyingListener(NotifyPolicy.parse(policy), List.of(letterbox))
                .detailsPage(DetailsPage.of("https://farm.example.org/tf"));
    }

    static ExecutionOutcome run(NotifyingListener listener, String execution, ExecutionPlan plan) {
        Map<String, Object> info = Map.of("snapshot", List.of(
                PyTuple.of("src", "Dev One <dev@example.org>", "abc123"),
                List.of("docs", "Dev Two", "r42")));
        return new ExecutionRunner(listener).run(CLIENT.execution(execution), plan, info);
    }

    @Test
    void failedExecutionSendsFailedTasksWithTrimmedOutputCommitsAndDetailsLink() {
        NotifyingListener listener = listener("failure");

        ExecutionOutcome outcome = run(listener, "20240301-101010", FAILING);

        assertThat(outcome).isEqualTo(ExecutionOutcome.FAILED);
        List<Notification> sent = LetterboxNotifierProvider.box(box);
        assertThat(sent).hasSize(1);
        Notification n = sent.get(0);
        assertThat(n.client()).isEqualTo(CLIENT);
        assertThat(n.execution()).contains("20240301-101010");
        assertThat(n.transition()).isEqualTo(Transition.BROKEN);
        assertThat(n.status()).isEqualTo(Status.RED);
        assertThat(n.colour()).isEqualTo(Notification.Colour.RED);
        assertThat(n.commits()).containsExactly(new Commit("src", "Dev One <dev@example.org>", "abc123"),
                new Commit("docs", "Dev Two", "r42"));
        assertThat(n.details()).contains(URI.create("https://farm.example.org/tf/demo/details-linux-20240301-101010.html"));
        assertThat(n.failedTasks()).hasSize(1);
        FailedTask task = n.failedTasks().get(0);
        assertThat(task.number()).isEqualTo(2);
        assertThat(task.description()).isEqualTo("unit tests");
        assertThat(task.commandLine()).startsWith("for i in");
        assertThat(task.output().lines().toList())
                .hasSize(21)
                .startsWith("[... 31 lines before]", "line 32")
                .endsWith("line 50", "oops"); // the red escape codes of stderr are gone
    }

    @Test
    void breakAndRecoveryPolicyTellsTheFirstFailureAndTheRecoveryOnly() {
        NotifyingListener listener = listener("break, recovery");

        run(listener, "20240301-000001", PASSING);
        run(listener, "20240301-000002", FAILING);
        run(listener, "20240301-000003", FAILING);
        run(listener, "20240301-000004", PASSING);
        run(listener, "20240301-000005", PASSING);

        assertThat(LetterboxNotifierProvider.box(box))
                .extracting(Notification::transition, Notification::execution)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Transition.BROKEN, Optional.of("20240301-000002")),
                        org.assertj.core.groups.Tuple.tuple(Transition.RECOVERED, Optional.of("20240301-000004")));
    }

    @Test
    void abortedExecutionSendsNothingAndLeavesTheLastVerdictStanding() {
        NotifyingListener listener = listener("change");
        run(listener, "20240301-000001", FAILING);
        ExecutionRef aborted = CLIENT.execution("20240301-000002");

        listener.executionStarted(aborted, Map.of());
        listener.executionEnded(aborted, null);
        run(listener, "20240301-000003", FAILING);

        assertThat(LetterboxNotifierProvider.box(box)).extracting(Notification::transition)
                .containsExactly(Transition.BROKEN);
    }

    @Test
    void policyThatNeverFiresSendsNothing() {
        NotifyingListener listener = listener("");

        run(listener, "20240301-000001", FAILING);

        assertThat(LetterboxNotifierProvider.box(box)).isEmpty();
    }
}
