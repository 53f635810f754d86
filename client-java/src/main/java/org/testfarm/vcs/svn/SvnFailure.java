package org.testfarm.vcs.svn;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

import org.testfarm.vcs.SandboxException;
import org.testfarm.vcs.SandboxException.Reason;
import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;

/** Turns an {@link SVNException} into a {@link SandboxException} that says what went wrong. */
final class SvnFailure {

    private SvnFailure() {
    }

    static SandboxException of(Path location, String doing, SVNException failure) {
        Reason reason = Reason.FAILED;
        for (SVNErrorMessage m = failure.getErrorMessage(); m != null; m = m.getChildErrorMessage()) {
            Reason found = reasonOf(m.getErrorCode());
            if (found == Reason.BAD_CREDENTIALS || reason == Reason.FAILED) {
                reason = found;
            }
        }
        String detail = detail(failure);
        return new SandboxException(location, reason, reason == Reason.FAILED ? doing + ": " + detail : detail,
                failure);
    }

    private static Reason reasonOf(SVNErrorCode code) {
        if (code == null) {
            return Reason.FAILED;
        }
        if (code.isAuthentication() || code == SVNErrorCode.RA_NOT_AUTHORIZED
                || code.getCategory() == SVNErrorCode.AUTHN_CATEGORY
                || code.getCategory() == SVNErrorCode.AUTHZ_CATEGORY) {
            return Reason.BAD_CREDENTIALS;
        }
        if (code == SVNErrorCode.WC_NOT_WORKING_COPY || code == SVNErrorCode.WC_NOT_DIRECTORY
                || code == SVNErrorCode.WC_PATH_NOT_FOUND) {
            return Reason.NOT_A_WORKING_COPY;
        }
        int category = code.getCategory();
        if (category == SVNErrorCode.RA_CATEGORY || category == SVNErrorCode.RA_DAV_CATEGORY
                || category == SVNErrorCode.RA_LOCAL_CATEGORY || category == SVNErrorCode.RA_SVN_CATEGORY
                || category == SVNErrorCode.RA_SERF_CATEGORY || code == SVNErrorCode.FS_NOT_FOUND
                || code == SVNErrorCode.BAD_URL) {
            return Reason.UNREACHABLE_REMOTE;
        }
        return Reason.FAILED;
    }

    /** SVNKit's messages, one per line as {@code svn: E170013: ...}, joined on one line without repeats. */
    private static String detail(SVNException failure) {
        String full = failure.getErrorMessage() == null ? failure.getMessage()
                : failure.getErrorMessage().getFullMessage();
        return String.join("; ", new LinkedHashSet<>(List.of(full.strip().split("\\s*\\R\\s*"))));
    }
}
