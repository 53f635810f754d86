package org.testfarm.jython.bridge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.python.core.PyObject;
import org.testfarm.engine.EnvironmentSource;

/**
 * The script's {@code os.environ} and {@code os.getcwd()} as the engine's
 * environment: what the script or its callables set there applies to the next
 * command, and each task starts where the script is.
 */
public final class PythonEnvironment implements EnvironmentSource {

    private final PyObject environ;
    private final PyObject getcwd;

    /** @param environ {@code os.environ}; @param getcwd {@code os.getcwd} */
    public PythonEnvironment(PyObject environ, PyObject getcwd) {
        this.environ = environ;
        this.getcwd = getcwd;
    }

    @Override
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (PyObject item : environ.invoke("items").asIterable()) {
            String name = PyValues.text(item.__getitem__(0));
            String value = PyValues.text(item.__getitem__(1));
            if (name != null && value != null) {
                variables.put(name, value);
            }
        }
        return variables;
    }

    @Override
    public Path currentDirectory() {
        return Path.of(PyValues.text(getcwd.__call__()));
    }
}
