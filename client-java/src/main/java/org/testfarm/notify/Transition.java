package org.testfarm.notify;

import java.util.ArrayList;
import java.util.List;

import org.testfarm.state.Status;

/**
 * What changed about a client between two {@link Standing}s: a new verdict
 * (broken, still failing, recovered, still passing) and, separately, going
 * missing or coming back. Which of them deserve a message is the
 * {@link NotifyPolicy}'s business.
 */
public enum Transition {
    /** A failed execution after a pass, or as the first verdict. */
    BROKEN("is broken"),
    /** A failed execution after a failed one. */
    STILL_FAILING("still fails"),
    /** A passing execution after a failed one. */
    RECOVERED("recovered"),
    /** A passing execution after a pass, or as the first verdict. */
    PASSING("passes"),
    /** The client went silent past its promise to report again. */
    MISSING("is missing"),
    /** A missing client reported again. */
    BACK("is back");

    private final String phrase;

    Transition(String phrase) {
        this.phrase = phrase;
    }

    /** A few words for a sentence: "linux is broken". */
    public String phrase() {
        return phrase;
    }

    /**
     * The transitions from {@code before} (null: nothing known) to {@code after},
     * verdict first. A verdict counts when a new execution decided it or the
     * status itself changed; an unfinished client ({@code INT}) has none.
     */
    public static List<Transition> between(Standing before, Standing after) {
        List<Transition> out = new ArrayList<>(2);
        boolean decided = after.status() != Status.INT;
        boolean newVerdict = before == null || !before.execution().equals(after.execution())
                || before.status() != after.status();
        if (decided && newVerdict) {
            boolean wasRed = before != null && before.status() == Status.RED;
            if (after.status() == Status.RED) {
                out.add(wasRed ? STILL_FAILING : BROKEN);
            } else {
                out.add(wasRed ? RECOVERED : PASSING);
            }
        }
        boolean wasMissing = before != null && before.missing();
        if (after.missing() && !wasMissing) {
            out.add(MISSING);
        } else if (!after.missing() && wasMissing) {
            out.add(BACK);
        }
        return out;
    }
}
