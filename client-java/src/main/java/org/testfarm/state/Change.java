package org.testfarm.state;

import java.util.List;
import java.util.Optional;

import org.testfarm.literal.PyTuple;

/**
 * One change a client saw in a repository: the tuples {@code (repository, author,
 * revision)} of an execution's {@code snapshot} and {@code changelog} infos, with the
 * message its VCS step printed for that revision, when one did.
 */
public record Change(String repository, String author, String revision, String message) {

    public Change {
        repository = repository == null ? "" : repository;
        author = author == null ? "" : author;
        revision = revision == null ? "" : revision;
        message = message == null ? "" : message;
    }

    /** A change from one info tuple; anything else (not a tuple of 3 or more) is not a change. */
    static Optional<Change> fromTuple(Object value) {
        List<Object> items;
        if (value instanceof PyTuple tuple) {
            items = tuple.items();
        } else if (value instanceof List<?> list) {
            items = List.copyOf(list.stream().map(v -> (Object) (v == null ? "" : v)).toList());
        } else {
            return Optional.empty();
        }
        if (items.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new Change(text(items.get(0)), text(items.get(1)), text(items.get(2)), ""));
    }

    Change withMessage(String text) {
        return new Change(repository, author, revision, text);
    }

    // written out: a record's own go through method handles, slow under the static generator's C1
    @Override
    public boolean equals(Object other) {
        return other instanceof Change that && repository.equals(that.repository) && author.equals(that.author)
                && revision.equals(that.revision) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return ((repository.hashCode() * 31 + author.hashCode()) * 31 + revision.hashCode()) * 31 + message.hashCode();
    }

    /** The revision shortened for display (12 characters at most). */
    public String shortRevision() {
        return revision.length() > 12 ? revision.substring(0, 12) : revision;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
