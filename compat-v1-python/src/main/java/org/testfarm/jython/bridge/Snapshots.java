package org.testfarm.jython.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.testfarm.literal.PyTuple;

/** The {@code snapshot} of an execution (3-tuples of strings) as the Java listeners take it. */
public final class Snapshots {

    private Snapshots() {
    }

    /** A Python list of tuples as a Java list of {@link PyTuple}s of strings. */
    public static List<Object> toJava(PyObject snapshot) {
        List<Object> rows = new ArrayList<>();
        if (snapshot == null || snapshot == Py.None) {
            return rows;
        }
        for (PyObject row : snapshot.asIterable()) {
            List<Object> items = new ArrayList<>();
            for (PyObject item : row.asIterable()) {
                items.add(PyValues.text(item));
            }
            rows.add(new PyTuple(items));
        }
        return rows;
    }

    /** The runner's snapshot ({@link PyTuple}s of strings) as a Python list of str tuples. */
    public static PyList toPython(Object snapshot) {
        PyList rows = new PyList();
        if (snapshot instanceof List<?> list) {
            for (Object row : list) {
                List<?> items = row instanceof PyTuple tuple ? tuple.items() : List.of();
                PyObject[] values = items.stream().map(item -> PyValues.str(String.valueOf(item))).toArray(PyObject[]::new);
                rows.append(new org.python.core.PyTuple(values));
            }
        }
        return rows;
    }

    /** The execution info the Java listeners get: {@code {'snapshot': [...]}}. */
    public static Map<String, Object> info(PyObject snapshot) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("snapshot", toJava(snapshot));
        return info;
    }
}
