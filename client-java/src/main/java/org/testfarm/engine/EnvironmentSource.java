package org.testfarm.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where commands get their environment variables and tasks their starting
 * directory. The runner asks again before every command (variables) and at the
 * start of every task (directory), so changes made meanwhile, by a callback say,
 * apply to what runs next. The v1 shim backs it with Python's {@code os.environ}
 * and {@code os.getcwd()}.
 */
public interface EnvironmentSource {

    /** The variables the next command gets, all of them. */
    Map<String, String> variables();

    /** The directory the next task starts in. */
    Path currentDirectory();

    /** This process's environment and working directory ({@code user.dir}). */
    static EnvironmentSource system() {
        return new EnvironmentSource() {
            @Override
            public Map<String, String> variables() {
                return System.getenv();
            }

            @Override
            public Path currentDirectory() {
                return Path.of(System.getProperty("user.dir"));
            }
        };
    }
}
