package org.testfarm.vcs.git;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;

/** Turns what JGit throws into a {@link SandboxException} that says what went wrong. */
final class GitFailure {

    private static final String[] CREDENTIAL_SIGNS = {
        "not authorized", "authentication", "auth fail", "passphrase", "permission denied",
        "401", "403", "no credentialsprovider", "credentials",
    };

    private GitFailure() {
    }

    /** The sandbox exception for a failure while talking to the remote. */
    static SandboxException ofTransport(Path location, Exception failure) {
        if (failure instanceof SandboxException known) {
            return known;
        }
        String detail = detail(failure);
        if (hasCredentialSign(failure)) {
            return new SandboxException(location, Reason.BAD_CREDENTIALS, detail, failure);
        }
        return new SandboxException(location, Reason.UNREACHABLE_REMOTE, detail, failure);
    }

    /** The sandbox exception for a local failure. */
    static SandboxException ofLocal(Path location, String doing, Exception failure) {
        if (failure instanceof SandboxException known) {
            return known;
        }
        return new SandboxException(location, Reason.FAILED, doing + ": " + detail(failure), failure);
    }

    /** True when the failure is about the remote (not found, refused, unreachable). */
    static boolean isTransport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jgit.api.errors.TransportException
                    || t instanceof org.eclipse.jgit.errors.TransportException
                    || t instanceof InvalidRemoteException
                    || t instanceof NoRemoteRepositoryException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCredentialSign(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoRemoteRepositoryException) {
                return false;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String sign : CREDENTIAL_SIGNS) {
                if (message.contains(sign)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first message of the chain, which JGit words for people, plus the root cause if different. */
    static String detail(Throwable failure) {
        String first = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String last = root.getMessage();
        if (root == failure || last == null || first.contains(last)) {
            return first;
        }
        return first + " (" + last + ")";
    }
}
