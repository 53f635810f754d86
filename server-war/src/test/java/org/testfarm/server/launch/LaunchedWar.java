package org.testfarm.server.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.testfarm.testing.ChildJvm;

/**
 * {@code java -jar testfarm.war ARGS} as a separate process, as an admin runs
 * it: a {@link ChildJvm}, so stdout is read line by line, stderr kept in a
 * file, and every wait bounded.
 */
final class LaunchedWar {

    /** The WAR the build just packed; failsafe passes its path. */
    static final Path WAR = Path.of(System.getProperty("testfarm.war", "target/testfarm.war"));

    private LaunchedWar() {
    }

    /** Launches the WAR with {@code tmp} as its java.io.tmpdir, where it unpacks itself. */
    static ChildJvm launch(Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("-jar", WAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return ChildJvm.start(tmp, command);
    }
}
