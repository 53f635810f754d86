package org.testfarm.jython.bridge;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

/**
 * Values across the boundary. Text reaches Python 2 code as {@code str} holding
 * UTF-8 bytes, as the output of a command does under CPython 2; text coming back
 * ({@code str} or {@code unicode}) is decoded as UTF-8, bad bytes as U+FFFD.
 */
public final class PyValues {

    private PyValues() {
    }

    /** {@code text} as a Python 2 {@code str} of its UTF-8 bytes; None for null. */
    public static PyObject str(String text) {
        if (text == null) {
            return Py.None;
        }
        return new PyString(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    /** A Python value as text: unicode as it is, str decoded as UTF-8, anything else through {@code str()}; null for None. */
    public static String text(PyObject value) {
        if (value == null || value == Py.None) {
            return null;
        }
        if (value instanceof PyUnicode unicode) {
            return unicode.getString();
        }
        PyString bytes = value instanceof PyString s ? s : value.__str__();
        if (bytes instanceof PyUnicode unicode) {
            return unicode.getString();
        }
        return new String(bytes.getString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * What a STATS callable returned, as the engine takes it: names to numbers.
     * None gives no stats; a value that is not a number is an error naming it.
     */
    public static Map<String, Number> stats(PyObject value) {
        Map<String, Number> stats = new LinkedHashMap<>();
        if (value == null || value == Py.None) {
            return stats;
        }
        if (!(value instanceof PyDictionary) && value.__findattr__("items") == null) {
            throw Py.TypeError("STATS must return a dict of numbers, not " + value.getType().getName());
        }
        for (PyObject item : value.invoke("items").asIterable()) {
            PyObject key = item.__getitem__(0);
            PyObject number = item.__getitem__(1);
            stats.put(text(key), number(text(key), number));
        }
        return stats;
    }

    private static Number number(String name, PyObject value) {
        if (value instanceof PyInteger integer) {
            return integer.getValue();
        }
        if (value instanceof PyLong big) {
            BigInteger exact = big.getValue();
            return exact.bitLength() < 64 ? (Number) exact.longValue() : exact;
        }
        if (value instanceof PyFloat real) {
            return real.getValue();
        }
        throw Py.TypeError("STATS value of '" + name + "' is not a number: " + value.__repr__());
    }

    /** Stats for Python code: a dict of str to int, long or float. */
    public static PyDictionary dict(Map<String, ? extends Number> stats) {
        PyDictionary dict = new PyDictionary();
        if (stats != null) {
            stats.forEach((name, value) -> dict.__setitem__(str(name), number(value)));
        }
        return dict;
    }

    private static PyObject number(Number value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Py.newInteger(value.intValue());
        }
        if (value instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? Py.newInteger(l.intValue()) : Py.newLong(l);
        }
        if (value instanceof BigInteger big) {
            return Py.newLong(big);
        }
        return Py.newFloat(value.doubleValue());
    }

    /** A Python list of str 3-tuples (a snapshot of changes). */
    public static PyList tuples(List<List<String>> rows) {
        PyList list = new PyList();
        for (List<String> row : rows) {
            PyObject[] items = row.stream().map(PyValues::str).toArray(PyObject[]::new);
            list.append(new PyTuple(items));
        }
        return list;
    }
}
