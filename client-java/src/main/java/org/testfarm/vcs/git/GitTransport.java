package org.testfarm.vcs.git;

import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.testfarm.vcs.SandboxOptions;

/**
 * How one operation talks to the remote: the time-out, HTTPS user and token,
 * and an SSH key of its own when one is configured. Close it after the operation.
 */
final class GitTransport implements AutoCloseable {

    /** The user name sent with a token when none is configured; hosts ignore it. */
    static final String TOKEN_USER = "git";

    private final SandboxOptions options;
    private SshdSessionFactory sshSessions;

    GitTransport(SandboxOptions options) {
        this.options = options;
    }

    /** Applies the time-out and credentials to {@code command}. */
    <C extends TransportCommand<C, ?>> C configure(C command) {
        command.setTimeout((int) Math.max(1, options.timeout().toSeconds()));
        if (options.httpsToken().isPresent() || options.httpsUser().isPresent()) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                    options.httpsUser().orElse(TOKEN_USER), options.httpsToken().orElse("")));
        }
        if (options.sshKey().isPresent()) {
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(sshSessions());
                }
            });
        }
        return command;
    }

    private synchronized SshdSessionFactory sshSessions() {
        if (sshSessions == null) {
            sshSessions = GitSshSessions.create(options);
        }
        return sshSessions;
    }

    @Override
    public synchronized void close() {
        if (sshSessions != null) {
            sshSessions.close();
            sshSessions = null;
        }
    }
}
