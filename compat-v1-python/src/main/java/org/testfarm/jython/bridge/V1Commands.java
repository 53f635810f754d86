package org.testfarm.jython.bridge;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.python.core.Py;
import org.python.core.PyObject;
import org.testfarm.engine.Command;

/**
 * v1 command specifications as engine {@link Command}s: a shell string, or the
 * parts of a {@code {CMD: ..., INFO: ..., STATS: ..., STATUS_OK: ..., CD: ...}} dict.
 * The Python callables run in the engine's thread (the script's), with the
 * command's output as a {@code str}.
 */
public final class V1Commands {

    private V1Commands() {
    }

    /** A plain shell line. */
    public static Command line(PyObject line) {
        return Command.of(PyValues.text(line));
    }

    /** A command dict's parts; each may be None (no CMD runs a harmless placeholder). */
    public static Command of(PyObject line, PyObject info, PyObject stats, PyObject statusOk, PyObject directory) {
        Command command = Command.of(PyValues.text(line));
        if (present(directory)) {
            command = command.inDirectory(Path.of(PyValues.text(directory)));
        }
        if (present(info)) {
            command = command.withInfo(info(info));
        }
        if (present(stats)) {
            command = command.withStats(stats(stats));
        }
        if (present(statusOk)) {
            command = command.withStatusCheck(statusCheck(statusOk));
        }
        return command;
    }

    static Function<String, String> info(PyObject callable) {
        return output -> PyValues.text(callable.__call__(PyValues.str(output)));
    }

    static Function<String, Map<String, Number>> stats(PyObject callable) {
        return output -> PyValues.stats(callable.__call__(PyValues.str(output)));
    }

    static Predicate<String> statusCheck(PyObject callable) {
        return output -> callable.__call__(PyValues.str(output)).__nonzero__();
    }

    private static boolean present(PyObject value) {
        return value != null && value != Py.None;
    }
}
