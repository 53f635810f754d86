package org.testfarm.literal;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a value as Python 2's {@code repr()} would. Nested containers are
 * walked with an explicit stack (no depth can overflow the thread's stack) and
 * a container that holds itself is refused instead of looping forever.
 */
final class LiteralFormatter {

    /** Work still to do, most urgent first. */
    private final Deque<Step> steps = new ArrayDeque<>();
    /** The containers being written, to notice one that holds itself. */
    private final Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder out = new StringBuilder();

    private sealed interface Step permits WriteValue, WriteText, LeaveContainer {
    }

    private record WriteValue(Object value) implements Step {
    }

    private record WriteText(String text) implements Step {
    }

    private record LeaveContainer(Object container) implements Step {
    }

    private LiteralFormatter() {
    }

    static String format(Object value) {
        LiteralFormatter formatter = new LiteralFormatter();
        formatter.steps.push(new WriteValue(value));
        return formatter.run();
    }

    private String run() {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            if (step instanceof WriteText text) {
                out.append(text.text());
            } else if (step instanceof LeaveContainer leave) {
                enclosing.remove(leave.container());
            } else {
                write(((WriteValue) step).value());
            }
        }
        return out.toString();
    }

    private void write(Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "True" : "False");
        } else if (value instanceof String string) {
            StringRepr.append(out, string);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(FloatRepr.format(((Number) value).doubleValue()));
        } else if (value instanceof List<?> list) {
            enter(list);
            scheduleItems("[", list.toArray(), "]");
        } else if (value instanceof PyTuple tuple) {
            enter(tuple);
            scheduleItems("(", tuple.items().toArray(), tuple.size() == 1 ? ",)" : ")");
        } else if (value instanceof Map<?, ?> map) {
            enter(map);
            scheduleEntries(map);
        } else {
            throw new LiteralException("cannot format a " + value.getClass().getName()
                    + " as a Python literal");
        }
    }

    private void enter(Object container) {
        if (!enclosing.add(container)) {
            throw new LiteralException("cannot format a " + container.getClass().getSimpleName()
                    + " that contains itself");
        }
        steps.push(new LeaveContainer(container));
    }

    /** Pushes {@code open item, item, ... close} so that it is written in that order. */
    private void scheduleItems(String open, Object[] items, String close) {
        out.append(open);
        steps.push(new WriteText(close));
        for (int i = items.length - 1; i >= 0; i--) {
            steps.push(new WriteValue(items[i]));
            if (i > 0) {
                steps.push(new WriteText(", "));
            }
        }
    }

    private void scheduleEntries(Map<?, ?> map) {
        Object[] entries = map.entrySet().toArray();
        out.append('{');
        steps.push(new WriteText("}"));
        for (int i = entries.length - 1; i >= 0; i--) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) entries[i];
            if (!DictKeys.isHashable(entry.getKey())) {
                throw new LiteralException("cannot format a dict key that is a list or a dict,"
                        + " or a tuple holding one: Python could not read it back");
            }
            steps.push(new WriteValue(entry.getValue()));
            steps.push(new WriteText(": "));
            steps.push(new WriteValue(entry.getKey()));
            if (i > 0) {
                steps.push(new WriteText(", "));
            }
        }
    }
}
