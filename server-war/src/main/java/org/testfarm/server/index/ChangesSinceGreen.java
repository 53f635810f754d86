package org.testfarm.server.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.state.Change;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.Outcome;

/**
 * What changed since a client was last green: the changes of every execution
 * after its last green one, up to a given one, newest first and each once.
 * The search looks back at most {@value #LOOK_BACK} executions.
 *
 * @param lastGreen the last green execution before, or "" if none was found
 * @param truncated whether the search stopped before finding a green execution
 */
public record ChangesSinceGreen(List<Change> changes, String lastGreen, List<String> executions, boolean truncated) {

    public static final int LOOK_BACK = 100;

    public ChangesSinceGreen {
        changes = List.copyOf(changes);
        executions = List.copyOf(executions);
    }

    /** The changes up to execution {@code ids.get(position)} of {@code client}. */
    public static ChangesSinceGreen of(ExecutionIndex index, ClientRef client, List<String> ids, int position) {
        Map<String, Change> changes = new LinkedHashMap<>();
        List<String> executions = new ArrayList<>();
        String green = "";
        int i = position;
        for (; i >= 0 && position - i <= LOOK_BACK; i--) {
            ExecutionSummary summary = index.summary(client.execution(ids.get(i)));
            if (i < position && summary.outcome() == Outcome.OK) {
                green = summary.id();
                break;
            }
            executions.add(summary.id());
            List<Change> own = new ArrayList<>(summary.changes());
            java.util.Collections.reverse(own);
            for (Change change : own) {
                changes.putIfAbsent(change.repository() + "\u0000" + change.revision(), change);
            }
        }
        boolean truncated = green.isEmpty() && i >= 0;
        return new ChangesSinceGreen(new ArrayList<>(changes.values()), green, executions, truncated);
    }
}
