package org.testfarm.server.alert;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.testfarm.notify.Commit;
import org.testfarm.notify.DetailsPage;
import org.testfarm.notify.FailedTask;
import org.testfarm.notify.Notification;
import org.testfarm.notify.OutputTail;
import org.testfarm.notify.Standing;
import org.testfarm.notify.Transition;
import org.testfarm.state.ClientState;
import org.testfarm.state.CommandState;
import org.testfarm.state.Doing;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.TaskState;

/** What an alert says about a client, read from the state the server derives from its log. */
final class ClientReport {

    private ClientReport() {
    }

    /**
     * How the client stands: the status of its deciding execution, and missing when
     * it is not responding ({@code old}) after having reported at least once, and not
     * within an idle time it promised (a client that never reported is not missing,
     * only not started; one that only said it is idle is waiting).
     */
    static Standing standing(ClientState client, LocalDateTime now) {
        boolean reported = client.newest().isPresent() || client.expectedIdle().isPresent();
        boolean promised = client.expectedIdle().filter(until -> until.isAfter(now)).isPresent();
        return new Standing(client.status(), client.statusExecution().map(ExecutionState::id).orElse(""),
                client.doing() == Doing.OLD && reported && !promised);
    }

    static Notification notification(ClientState client, Transition transition, Optional<DetailsPage> page,
                                      OutputTail tail) {
        Optional<ExecutionState> decisive = client.statusExecution();
        List<FailedTask> failed = new ArrayList<>();
        decisive.ifPresent(e -> e.failedTasks().forEach(task -> failed.add(failedTask(task, tail))));
        List<Commit> commits = decisive.map(e -> Commit.fromInfo(e.info())).orElse(List.of());
        return new Notification(client.ref(), decisive.map(ExecutionState::id), transition, client.status(),
                failed, commits, page.flatMap(p -> decisive.map(e -> p.details(e.ref()))));
    }

    private static FailedTask failedTask(TaskState task, OutputTail tail) {
        CommandState failing = null;
        for (CommandState command : task.commands()) {
            if (Boolean.FALSE.equals(command.ok())) {
                failing = command;
            }
        }
        return failing == null ? new FailedTask(task.number(), task.description(), "", "")
                : new FailedTask(task.number(), task.description(), failing.commandLine(), tail.of(failing.output()));
    }
}
