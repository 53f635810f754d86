package org.testfarm.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;

/**
 * Derives what pages and feeds show from a {@link LogStore}, at the time its
 * clock says. An execution that never ended is lost once its client is overdue:
 * past its promised idle time and silent for longer than {@code silence}.
 */
public final class FarmState {

    public static final Duration DEFAULT_SILENCE = Duration.ofHours(2);

    private final LogStore store;
    private final Clock clock;
    private final Duration silence;

    public FarmState(LogStore store, Clock clock, Duration silence) {
        this.store = store;
        this.clock = clock;
        this.silence = silence;
    }

    public FarmState(LogStore store) {
        this(store, store.clock(), DEFAULT_SILENCE);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public List<ClientState> clients(String project) {
        return store.clients(project).stream().map(c -> client(new ClientRef(project, c))).toList();
    }

    public ExecutionState execution(ExecutionRef ref) {
        ClientRef client = ref.clientRef();
        ExecutionState state = ExecutionState.of(store.read(ref));
        if (state.running() && overdue(state.log(), store.idleUntil(client))) {
            return state.lost();
        }
        return state;
    }

    public ClientState client(ClientRef ref) {
        return client(ref, store.executions(ref));
    }

    /**
     * A client's state from a listing of its executions (oldest first) that the
     * caller holds already, as {@link LogStore#executions} gives it, so the
     * client's folder is not listed again.
     */
    public ClientState client(ClientRef ref, List<String> executions) {
        Optional<LocalDateTime> idle = store.idleUntil(ref);
        Optional<ExecutionState> newest = Optional.empty();
        Optional<ExecutionState> decisive = Optional.empty();
        for (int i = executions.size() - 1; i >= 0 && decisive.isEmpty(); i--) {
            ExecutionLog log = store.read(ref.execution(executions.get(i)));
            ExecutionState state = ExecutionState.of(log);
            if (state.running() && overdue(log, idle)) {
                state = state.lost();
            }
            if (newest.isEmpty()) {
                newest = Optional.of(state);
            }
            if (state.outcome().decisive()) {
                decisive = Optional.of(state);
            }
        }
        Status status = decisive.map(e -> e.ok() ? Status.GREEN : Status.RED).orElse(Status.INT);
        Doing doing;
        if (newest.isPresent() && newest.get().running()) {
            doing = Doing.RUN;
        } else if (newest.isPresent() && idle.isPresent() && idle.get().isAfter(now())) {
            doing = Doing.WAIT;
        } else {
            doing = Doing.OLD;
        }
        return new ClientState(ref, store.clientMeta(ref), status, doing, decisive, newest, idle);
    }

    private boolean overdue(ExecutionLog log, Optional<LocalDateTime> idle) {
        return overdue(log.lastActivity(), idle);
    }

    private boolean overdue(Instant lastActivity, Optional<LocalDateTime> idle) {
        LocalDateTime now = now();
        if (idle.isPresent() && idle.get().isAfter(now)) {
            return false;
        }
        LocalDateTime lastHeard = LocalDateTime.ofInstant(lastActivity, zone());
        return lastHeard.plus(silence).isBefore(now);
    }

    /**
     * Whether a client last heard at {@code lastActivity} is overdue now: past its
     * promised idle time and silent for longer than the silence allowed. Reads only
     * the client's idle file.
     */
    public boolean overdue(ClientRef client, Instant lastActivity) {
        return overdue(lastActivity, store.idleUntil(client));
    }

    /** The outcome of a summarised execution now: a running one whose client is overdue is lost. */
    public Outcome outcome(ExecutionSummary execution) {
        if (execution.outcome() == Outcome.RUNNING && overdue(execution.ref().clientRef(), execution.lastActivity())) {
            return Outcome.LOST;
        }
        return execution.outcome();
    }

    /** How long a client may stay silent past its promised idle time before its running execution is lost. */
    public Duration silence() {
        return silence;
    }

    /** The zone of the clock that times are shown in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    public LogStore store() {
        return store;
    }

}
