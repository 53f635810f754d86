package org.testfarm.literal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A Python tuple: an immutable sequence that, unlike a {@link List}, may be a
 * dict key. Items may be {@code null} (Python's {@code None}). Two tuples are
 * equal when their items are; a tuple never equals a list.
 *
 * <p>{@link #hashCode()} and {@link #equals(Object)} follow {@link List}'s
 * definitions but walk nested tuples with an explicit stack, so that a deeply
 * nested tuple used as a dict key cannot overflow the thread's stack.
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

    /** {@link List#hashCode()}'s formula over the items. */
    @Override
    public int hashCode() {
        Deque<HashInProgress> open = new ArrayDeque<>();
        open.push(new HashInProgress(this));
        while (true) {
            HashInProgress tuple = open.peek();
            if (tuple.rest.hasNext()) {
                Object item = tuple.rest.next();
                if (item instanceof PyTuple inner) {
                    open.push(new HashInProgress(inner));
                } else {
                    tuple.hash = 31 * tuple.hash + Objects.hashCode(item);
                }
                continue;
            }
            open.pop();
            HashInProgress parent = open.peek();
            if (parent == null) {
                return tuple.hash;
            }
            parent.hash = 31 * parent.hash + tuple.hash;
        }
    }

    /** Equal to another tuple whose items are equal, in order. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PyTuple that) || that.size() != size()) {
            return false;
        }
        Deque<Iterator<Object>> left = new ArrayDeque<>();
        Deque<Iterator<Object>> right = new ArrayDeque<>();
        left.push(items.iterator());
        right.push(that.items.iterator());
        while (!left.isEmpty()) {
            if (!left.peek().hasNext()) {
                left.pop();
                right.pop();
                continue;
            }
            Object mine = left.peek().next();
            Object theirs = right.peek().next();
            if (mine instanceof PyTuple myTuple && theirs instanceof PyTuple theirTuple) {
                if (myTuple.size() != theirTuple.size()) {
                    return false;
                }
                if (myTuple != theirTuple) {
                    left.push(myTuple.items.iterator());
                    right.push(theirTuple.items.iterator());
                }
            } else if (!Objects.equals(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    private static final class HashInProgress {
        final Iterator<Object> rest;
        int hash = 1;

        HashInProgress(PyTuple tuple) {
            this.rest = tuple.items.iterator();
        }
    }
}
