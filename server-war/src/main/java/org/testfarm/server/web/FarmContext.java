package org.testfarm.server.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.testfarm.server.site.LiveSite;
import org.testfarm.server.site.Site;
import org.testfarm.server.alert.AlertMonitor;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.NonceLog;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.WireDecoder;

/**
 * Sets the web application up when the container deploys it: finds the log
 * directory, shares it as the context attribute {@value #LOGPATH_ATTRIBUTE},
 * and opens the log store the servlets use (closed again on undeploy).
 *
 * <p>The directory comes from the first of: the context init parameter
 * {@value #LOGPATH_SETTING}, the system property of the same name, the
 * environment variable {@value #LOGPATH_ENV}. Without one, deployment fails
 * with a message saying how to set it.
 */
public class FarmContext implements ServletContextListener {

    /** Context init parameter and system property naming the log directory. */
    public static final String LOGPATH_SETTING = "testfarm.logpath";
    /** Environment variable naming the log directory. */
    public static final String LOGPATH_ENV = "TESTFARM_LOGPATH";
    /** Context attribute holding the log directory as a {@link Path}. */
    public static final String LOGPATH_ATTRIBUTE = "org.testfarm.logpath";

    static final String NOT_CONFIGURED = "TestFarm has no log directory: set the context parameter "
            + LOGPATH_SETTING + " (e.g. <Parameter name=\"" + LOGPATH_SETTING
            + "\" value=\"/var/lib/testfarm/logs\" override=\"false\"/> in Tomcat's context descriptor),"
            + " or the system property -D" + LOGPATH_SETTING + "=DIR,"
            + " or the environment variable " + LOGPATH_ENV + "=DIR";

    private static final Logger LOG = Logger.getLogger(FarmContext.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Path logs = logDirectory(
                context.getInitParameter(LOGPATH_SETTING),
                System.getProperty(LOGPATH_SETTING),
                System.getenv(LOGPATH_ENV));
        context.setAttribute(LOGPATH_ATTRIBUTE, logs);
        System.setProperty("java.awt.headless", "true");
        ClientGuard guard = new ClientGuard(KeyRing.of(logs), RateLimits.configured(
                context.getInitParameter(RateLimits.BURST_SETTING),
                context.getInitParameter(RateLimits.PER_SECOND_SETTING)), NonceLog.of(logs));
        LogStore store = LogStore.open(logs, StoreOptions.defaults());
        FarmState state = new FarmState(store);
        LiveSite site = new LiveSite(new Site(state, LiveSite.INDEX_CAPACITY), LiveSite.CACHE_BYTES);
        context.setAttribute(Farm.ATTRIBUTE, new Farm(store, state, new WireDecoder(), Farm.DEFAULT_MAX_BODY, site,
                guard));
        context.setAttribute(AlertMonitor.ATTRIBUTE, AlertMonitor.start(store, state,
                AlertMonitor.interval(context.getInitParameter(AlertMonitor.INTERVAL_SETTING))));
        LOG.info(() -> "TestFarm logs in " + logs);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (event.getServletContext().getAttribute(AlertMonitor.ATTRIBUTE) instanceof AlertMonitor alerts) {
            alerts.close();
        }
        Object farm = event.getServletContext().getAttribute(Farm.ATTRIBUTE);
        if (farm instanceof Farm running) {
            running.store().close();
            running.guard().close();
        }
    }

    /**
     * The configured log directory, created if missing.
     *
     * @throws IllegalStateException with a message fit for an admin, already logged,
     *         when nothing is configured or the directory cannot be made
     */
    static Path logDirectory(String initParameter, String systemProperty, String environment) {
        Path logs = configuredPath(initParameter, systemProperty, environment)
                .orElseThrow(() -> failure(NOT_CONFIGURED, null));
        try {
            return Files.createDirectories(logs);
        } catch (IOException | SecurityException e) {
            throw failure("TestFarm cannot create its log directory " + logs + ": " + e, e);
        }
    }

    /** The first setting that is present and not blank, as an absolute path. */
    static Optional<Path> configuredPath(String initParameter, String systemProperty, String environment) {
        for (String value : new String[] {initParameter, systemProperty, environment}) {
            if (value != null && !value.isBlank()) {
                try {
                    return Optional.of(Path.of(value.strip()).toAbsolutePath().normalize());
                } catch (InvalidPathException e) {
                    throw failure("TestFarm log directory '" + value + "' is not a valid path: "
                            + e.getReason(), e);
                }
            }
        }
        return Optional.empty();
    }

    private static IllegalStateException failure(String message, Throwable cause) {
        LOG.log(Level.SEVERE, message);
        return new IllegalStateException(message, cause);
    }
}
