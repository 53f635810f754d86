package org.testfarm.literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Python tuple: an immutable sequence that, unlike a {@link List}, may be a
 * dict key. Items may be {@code null} (Python's {@code None}). Two tuples are
 * equal when their items are; a tuple never equals a list.
 *
 * @param items an unmodifiable copy of the items given
 */
public record PyTuple(List<Object> items) {

    public PyTuple {
        Objects.requireNonNull(items, "items");
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(Arrays.asList(items));
    }

    public int size() {
        return items.size();
    }

    public Object get(int index) {
        return items.get(index);
    }
}
