package org.testfarm.server.launch;

import java.net.BindException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets the embedded Tomcat's start-up chatter so that a command's own output
 * stands out; warnings and errors still show, and so does everything the webapp
 * logs (its own loggers and {@code ServletContext.log}).
 */
public final class ContainerLogging {

    /** Held here because java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.apache.catalina"),
            Logger.getLogger("org.apache.coyote"),
            Logger.getLogger("org.apache.tomcat"));
    private static final Logger WEBAPP = Logger.getLogger(
            "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/]");
    private static final Logger LIFECYCLE = Logger.getLogger("org.apache.catalina.util.LifecycleBase");

    private ContainerLogging() {
    }

    /**
     * Tomcat logs warnings and errors only, except a port already in use, which
     * {@link EmbeddedServer} reports itself; the root webapp's log stays at INFO.
     */
    public static void quiet() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        WEBAPP.setLevel(Level.INFO);
        LIFECYCLE.setFilter(record -> !causedByBindFailure(record.getThrown()));
    }

    private static boolean causedByBindFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
