package org.testfarm.vcs.svn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.TrustManager;

import org.testfarm.TestFarmException;
import org.testfarm.vcs.SandboxOptions;
import org.tmatesoft.svn.core.SVNErrorCode;
import org.tmatesoft.svn.core.SVNErrorMessage;
import org.tmatesoft.svn.core.SVNException;
import org.tmatesoft.svn.core.SVNURL;
import org.tmatesoft.svn.core.auth.BasicAuthenticationManager;
import org.tmatesoft.svn.core.auth.SVNAuthentication;
import org.tmatesoft.svn.core.auth.SVNPasswordAuthentication;
import org.tmatesoft.svn.core.auth.SVNUserNameAuthentication;
import org.tmatesoft.svn.core.internal.wc.DefaultSVNOptions;
import org.tmatesoft.svn.core.io.SVNRepository;
import org.tmatesoft.svn.core.wc.SVNClientManager;
import org.tmatesoft.svn.core.wc.SVNWCUtil;

/**
 * The SVNKit client of one sandbox operation: credentials come from the
 * {@link SandboxOptions} only (nothing cached in {@code ~/.subversion} is used or
 * stored), https:// servers are checked as {@link SvnTrust} says, conflicts are
 * postponed, and the network time-out applies. Close it
 * after the operation.
 */
final class SvnSession implements AutoCloseable {

    private final SVNClientManager clients;

    SvnSession(SandboxOptions options) {
        SvnProtocols.setUp();
        DefaultSVNOptions svnOptions = SVNWCUtil.createDefaultOptions(true);
        svnOptions.setInteractiveConflictResolution(false);
        svnOptions.setConflictHandler(null);
        clients = SVNClientManager.newInstance(svnOptions, authentication(options));
    }

    SVNClientManager clients() {
        return clients;
    }

    private static BasicAuthenticationManager authentication(SandboxOptions options) {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        return new BasicAuthenticationManager(credentials(options)) {
            @Override
            public int getConnectTimeout(SVNRepository repository) {
                return timeoutMillis;
            }

            @Override
            public int getReadTimeout(SVNRepository repository) {
                return timeoutMillis;
            }

            /** The trust of each host this session connects to; SVNKit asks on every connection. */
            private final Map<String, SvnTrust> trust = new ConcurrentHashMap<>();

            /** Never SVNKit's default, which would accept any certificate. */
            @Override
            public TrustManager getTrustManager(SVNURL url) throws SVNException {
                try {
                    return trust.computeIfAbsent(url.getHost(), host -> SvnTrust.forHost(host, options));
                } catch (TestFarmException e) {
                    throw new SVNException(SVNErrorMessage.create(SVNErrorCode.BAD_CONFIG_VALUE, e.getMessage()), e);
                }
            }
        };
    }

    /** The user and password for svn:// and http(s)://, and the user name that file:// commits record. */
    private static SVNAuthentication[] credentials(SandboxOptions options) {
        if (options.svnUser().isEmpty() && options.svnPassword().isEmpty()) {
            return new SVNAuthentication[0];
        }
        String user = options.svnUser().orElse("");
        char[] password = options.svnPassword().orElse("").toCharArray();
        return new SVNAuthentication[] {
            SVNPasswordAuthentication.newInstance(user, password, false, null, false),
            SVNUserNameAuthentication.newInstance(user, false, null, false),
        };
    }

    @Override
    public void close() {
        clients.dispose();
    }
}
