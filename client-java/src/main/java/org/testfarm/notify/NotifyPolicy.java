package org.testfarm.notify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When to notify: a set of {@link Trigger}s, any of which is enough. Policies
 * combine with {@link #or}, and read from text such as {@code "break, recovery"}.
 * What the message looks like and where it goes is a {@link Notifier}'s business.
 *
 * <pre>{@code
 * NotifyPolicy policy = NotifyPolicy.of(Trigger.FAILURE).or(NotifyPolicy.of(Trigger.RECOVERY));
 * policy.choose(Transition.between(before, after))   // the transition to tell, if any
 * }</pre>
 */
public final class NotifyPolicy {

    /** One reason to notify, by the word configurations use. */
    public enum Trigger {
        /** Every failed execution. */
        FAILURE(Transition.BROKEN, Transition.STILL_FAILING),
        /** A failure after a pass (or as a client's first verdict). */
        BREAK(Transition.BROKEN),
        /** A pass after a failure. */
        RECOVERY(Transition.RECOVERED),
        /** The status changed either way. */
        CHANGE(Transition.BROKEN, Transition.RECOVERED),
        /** Every finished execution, passed or failed (v1's mail and IRC reports). */
        ALWAYS(Transition.BROKEN, Transition.STILL_FAILING, Transition.RECOVERED, Transition.PASSING),
        /** A client goes missing, and when it is back. */
        MISSING(Transition.MISSING, Transition.BACK);

        private final Set<Transition> transitions;

        Trigger(Transition first, Transition... rest) {
            this.transitions = EnumSet.of(first, rest);
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The order in which one transition is chosen over another of the same change. */
    private static final List<Transition> PRIORITY = List.of(Transition.BROKEN, Transition.RECOVERED,
            Transition.STILL_FAILING, Transition.MISSING, Transition.BACK, Transition.PASSING);

    private final Set<Trigger> triggers;

    private NotifyPolicy(Set<Trigger> triggers) {
        this.triggers = triggers.isEmpty() ? EnumSet.noneOf(Trigger.class) : EnumSet.copyOf(triggers);
    }

    public static NotifyPolicy of(Trigger... triggers) {
        Set<Trigger> set = EnumSet.noneOf(Trigger.class);
        set.addAll(Arrays.asList(triggers));
        return new NotifyPolicy(set);
    }

    /** A policy that never notifies. */
    public static NotifyPolicy never() {
        return new NotifyPolicy(Set.of());
    }

    /**
     * Reads words separated by commas, spaces or {@code +}, e.g. {@code "failure, recovery"}.
     *
     * @throws InvalidSettingsException naming the word it does not know and the ones it does
     */
    public static NotifyPolicy parse(String text) {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        for (String word : text.strip().split("[\\s,+]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                triggers.add(Trigger.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("unknown notification policy '" + word + "'; use any of "
                        + Arrays.stream(Trigger.values()).map(Trigger::word).collect(Collectors.joining(", ")));
            }
        }
        return new NotifyPolicy(triggers);
    }

    /** Notifies when this policy or {@code other} would. */
    public NotifyPolicy or(NotifyPolicy other) {
        Set<Trigger> both = EnumSet.noneOf(Trigger.class);
        both.addAll(triggers);
        both.addAll(other.triggers);
        return new NotifyPolicy(both);
    }

    public Set<Trigger> triggers() {
        return triggers.isEmpty() ? Set.of() : EnumSet.copyOf(triggers);
    }

    public boolean wants(Transition transition) {
        return triggers.stream().anyMatch(t -> t.transitions.contains(transition));
    }

    /** The most telling of {@code transitions} that this policy wants, if any. */
    public Optional<Transition> choose(List<Transition> transitions) {
        List<Transition> wanted = new ArrayList<>();
        for (Transition transition : transitions) {
            if (wants(transition)) {
                wanted.add(transition);
            }
        }
        return wanted.stream().min((a, b) -> PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotifyPolicy p && p.triggers.equals(triggers);
    }

    @Override
    public int hashCode() {
        return triggers.hashCode();
    }

    /** The words {@link #parse} reads back. */
    @Override
    public String toString() {
        return triggers.stream().map(Trigger::word).collect(Collectors.joining(","));
    }
}
