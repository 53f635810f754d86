package org.testfarm.literal;

import java.util.Collection;
import java.util.Map;


/** Python's truth value of a decoded literal, as old clients and servers used it. */
public final class Truth {

    private Truth() {}

    public static boolean of(Object value) {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof Number n) {
            return n.doubleValue() != 0 || (n instanceof java.math.BigInteger big && big.signum() != 0);
        } else if (value instanceof String s) {
            return !s.isEmpty();
        } else if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        } else if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        } else if (value instanceof PyTuple t) {
            return !t.items().isEmpty();
        }
        return true;
    }
}
