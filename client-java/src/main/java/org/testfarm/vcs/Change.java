package org.testfarm.vcs;

import java.util.Objects;

/**
 * One upstream revision, as a change log shows it.
 *
 * @param revision the full revision (a Git SHA-1, a Subversion number)
 * @param author   who made it: {@code Name <email>} for Git, the user name for Subversion
 * @param message  the whole message; trailing line breaks and blanks are dropped
 */
public record Change(String revision, String author, String message) {

    public Change {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(message, "message");
        message = message.stripTrailing();
    }
}
