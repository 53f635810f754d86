package org.testfarm.server.launch;

import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.JarScanFilter;
import org.apache.tomcat.JarScanType;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.testfarm.TestFarmException;
import org.testfarm.server.web.FarmContext;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TestFarm webapp in an embedded Tomcat: what {@code serve} runs, and what
 * tests and demos start in-process.
 *
 * <p>The webapp is deployed at the root context from an unpacked WAR directory,
 * exactly as a container would: the log directory reaches it as the context
 * parameter {@code testfarm.logpath}, like an admin's context descriptor sets it.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** Largest request body the connector parses: matches the webapp's multipart-config. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    /** Most parts in one multipart request. */
    public static final int MAX_PARTS = 64;

    private static final Logger LOG = Logger.getLogger(EmbeddedServer.class.getName());

    static {
        // no JMX MBeans for Tomcat's components: they cost about a second of start-up
        Registry.disableRegistry();
    }

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Tomcat tomcat;
    private Connector connector;
    private WorkFolder workFolder;
    private Path baseDir;

    /**
     * Starts serving {@code webapp} on {@code host:port} (port 0: any free port),
     * with {@code logs} as the farm's log directory. An instance starts only once.
     *
     * @throws TestFarmException when the address cannot be used or the webapp does not start
     */
    public synchronized EmbeddedServer start(int port, String host, Path logs, Path webapp) {
        if (connector != null) {
            throw new IllegalStateException("an EmbeddedServer starts only once");
        }
        if (!Files.isRegularFile(webapp.resolve("WEB-INF/web.xml"))) {
            throw new TestFarmException(webapp + " is not a web application: it has no WEB-INF/web.xml");
        }
        InetAddress address = resolve(host);
        try {
            workFolder = WorkFolder.create(); // and removes those of killed servers
            baseDir = workFolder.root();
            Files.createDirectory(baseDir.resolve("webapps"));
        } catch (IOException e) {
            if (workFolder != null) {
                workFolder.close();
            }
            throw new TestFarmException("cannot create Tomcat's work directory: " + e.getMessage(), e);
        }
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        synchronized (EmbeddedServer.class) {
            // Tomcat reads catalina.home from a system property that the first server in the
            // JVM sets to its own directory; give each server its own, as it is deleted on stop
            System.setProperty(Globals.CATALINA_HOME_PROP, baseDir.toString());
            tomcat.getServer();
        }
        connector = connector(port, address);
        tomcat.setConnector(connector);
        Context context = deploy(webapp.toAbsolutePath().normalize(), logs.toAbsolutePath().normalize());
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stop();
            throw startFailure(e, host, port);
        }
        if (connector.getLocalPort() <= 0) {
            stop();
            throw new TestFarmException("cannot listen on " + host + ":" + port + " (see the log above)");
        }
        if (!context.getState().isAvailable()) {
            stop();
            throw new TestFarmException("the web application in " + webapp
                    + " failed to start (see the log above)");
        }
        return this;
    }

    /** The port actually listened on. */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("not started");
        }
        return connector.getLocalPort();
    }

    /** Tomcat's base and work directory, removed on stop. */
    synchronized Path workDirectory() {
        return baseDir;
    }

    /** Stops Tomcat and removes its work directory; safe to call more than once. */
    public synchronized void stop() {
        if (tomcat == null) {
            return;
        }
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            LOG.log(Level.WARNING, "Tomcat did not stop cleanly", e);
        } finally {
            tomcat = null;
            workFolder.close();
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has run, from a shutdown hook for instance. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new TestFarmException("unknown host '" + host + "'", e);
        }
    }

    private static Connector connector(int port, InetAddress address) {
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", address.getHostAddress());
        connector.setMaxPostSize(MAX_REQUEST_BYTES);
        connector.setMaxPartCount(MAX_PARTS);
        return connector;
    }

    private Context deploy(Path webapp, Path logs) {
        // Tomcat's own defaults would declare a JSP servlet, and there is no Jasper here
        tomcat.setAddDefaultWebXmlToWebapp(false);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(tomcat.noDefaultWebXmlPath());
        Context context = tomcat.addWebapp(tomcat.getHost(), "", webapp.toString(), config);
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                addContainerDefaults(context);
            }
        });
        context.setParentClassLoader(EmbeddedServer.class.getClassLoader());
        context.setJarScanner(noJarScanning());

        ApplicationParameter logPath = new ApplicationParameter();
        logPath.setName(FarmContext.LOGPATH_SETTING);
        logPath.setValue(logs.toString());
        logPath.setOverride(false);
        context.addApplicationParameter(logPath);
        return context;
    }

    /** What a stand-alone Tomcat's conf/web.xml gives every webapp, minus JSP. */
    private static void addContainerDefaults(Context context) {
        Wrapper defaultServlet = Tomcat.addServlet(context, "default",
                "org.apache.catalina.servlets.DefaultServlet");
        defaultServlet.setLoadOnStartup(1);
        defaultServlet.setOverridable(true);
        context.addServletMapping("/", "default");
        context.setSessionTimeout(30);
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addWelcomeFile("index.html");
    }

    /** The webapp is metadata-complete: looking into jars would only cost start-up time. */
    private static StandardJarScanner noJarScanning() {
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        scanner.setScanManifest(false);
        scanner.setJarScanFilter(new JarScanFilter() {
            @Override
            public boolean check(JarScanType jarScanType, String jarName) {
                return false;
            }

            @Override
            public boolean isSkipAll() {
                return true;
            }
        });
        return scanner;
    }

    private static TestFarmException startFailure(LifecycleException e, String host, int port) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new TestFarmException("cannot listen on " + host + ":" + port + ": "
                        + cause.getMessage(), e);
            }
        }
        return new TestFarmException("Tomcat failed to start: " + e.getMessage(), e);
    }
}
