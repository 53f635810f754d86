package org.testfarm.literal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Python's rule for dict keys: lists and dicts are unhashable, and so is a tuple holding one. */
final class DictKeys {

    private DictKeys() {
    }

    static boolean isHashable(Object key) {
        if (isMutableContainer(key)) {
            return false;
        }
        if (!(key instanceof PyTuple tuple)) {
            return true;
        }
        Deque<PyTuple> unchecked = new ArrayDeque<>();
        unchecked.push(tuple);
        while (!unchecked.isEmpty()) {
            for (Object item : unchecked.pop().items()) {
                if (isMutableContainer(item)) {
                    return false;
                }
                if (item instanceof PyTuple inner) {
                    unchecked.push(inner);
                }
            }
        }
        return true;
    }

    private static boolean isMutableContainer(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?>;
    }
}
