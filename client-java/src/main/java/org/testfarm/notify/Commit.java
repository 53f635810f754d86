package org.testfarm.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.testfarm.literal.PyTuple;

/**
 * One change that triggered an execution, as a client's {@code snapshot} lists it:
 * the repository (a sandbox's name), the author and the revision.
 */
public record Commit(String repository, String author, String revision) {

    public Commit {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(revision, "revision");
    }

    /**
     * The changes of an execution's info: its {@code snapshot}, else its
     * {@code changelog} (what upstream servers stored); each a list of 3-tuples
     * (or 3-lists). Entries of another shape are left out.
     */
    public static List<Commit> fromInfo(Map<String, Object> info) {
        Object list = info.containsKey("snapshot") ? info.get("snapshot") : info.get("changelog");
        List<Commit> out = new ArrayList<>();
        if (!(list instanceof List<?> rows)) {
            return out;
        }
        for (Object row : rows) {
            List<?> items = row instanceof PyTuple tuple ? tuple.items() : row instanceof List<?> l ? l : null;
            if (items != null && items.size() == 3) {
                out.add(new Commit(text(items.get(0)), text(items.get(1)), text(items.get(2))));
            }
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
