package org.testfarm.vcs;

import java.nio.file.Path;
import java.util.Objects;

import org.testfarm.TestFarmException;

/**
 * A sandbox could not do its work. The message always names the sandbox and
 * says in plain words what went wrong; {@link #reason()} lets callers react.
 */
public class SandboxException extends TestFarmException {

    /** What went wrong, in the words the message uses. */
    public enum Reason {
        NOT_A_WORKING_COPY("is not a working copy"),
        UNREACHABLE_REMOTE("cannot reach its remote repository"),
        BAD_CREDENTIALS("was refused by its remote repository: bad or missing credentials"),
        FAILED("failed");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final Path location;
    private final Reason reason;

    public SandboxException(Path location, Reason reason, String detail) {
        this(location, reason, detail, null);
    }

    public SandboxException(Path location, Reason reason, String detail, Throwable cause) {
        super(message(location, reason, detail), cause);
        this.location = location;
        this.reason = reason;
    }

    /** The sandbox concerned. */
    public Path location() {
        return location;
    }

    public Reason reason() {
        return reason;
    }

    private static String message(Path location, Reason reason, String detail) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        String text = "sandbox " + location + " " + reason.words();
        return detail == null || detail.isBlank() ? text : text + ": " + detail;
    }
}
