package org.testfarm.container;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put what the tests need; failsafe passes each as a system property
 * (see this module's pom.xml).
 */
final class BuildPaths {

    private BuildPaths() {}

    /** The server WAR, the one file every container gets. */
    static Path war() {
        return existing("testfarm.war");
    }

    /** This module's directory: conf/, bin/, wildfly/ hold what admins install. */
    static Path configFile(String relative) {
        return existing("testfarm.config").resolve(relative);
    }

    /** The fixtures shared beside the repository. */
    static Path shared() {
        return existing("testfarm.shared");
    }

    /** An unpacked container distribution, by the property naming it. */
    static Path containerHome(String property) {
        return existing(property);
    }

    /** A fresh directory for one test's container, logs and temp files. */
    static Path workDirectory(String name) {
        String root = System.getProperty("testfarm.work", "target/it-work");
        try {
            Path parent = Files.createDirectories(Path.of(root).toAbsolutePath());
            return Files.createTempDirectory(parent, name + "-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Containers inherit the test's environment: a TESTFARM_LOGPATH there would give
     * every deployment a log directory, and the tests of a missing one could not work.
     */
    static void requireNoLogPathInEnvironment() {
        if (System.getenv("TESTFARM_LOGPATH") != null) {
            throw new IllegalStateException("TESTFARM_LOGPATH is set in the environment, which the containers"
                    + " inherit: unset it to run the container tests");
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests with"
                    + " `mvn verify` in tomcat-config (failsafe sets it)");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " names " + path + ", which does not exist");
        }
        return path;
    }
}
