package org.testfarm.jython.bridge;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * A {@link PrintStream} onto the script's {@code sys.stdout}, so what Java
 * listeners print (the console's progress) stays in order with the script's own
 * {@code print}s, and goes wherever the script sends its output.
 */
public final class PythonStdout extends OutputStream {

    private final PyObject stream;

    private PythonStdout(PyObject stream) {
        this.stream = stream;
    }

    /** A UTF-8 print stream onto {@code sys.stdout} as it is now. */
    public static PrintStream current() {
        return new PrintStream(new PythonStdout(Py.getSystemState().stdout), false, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        stream.invoke("write", new PyString(new String(bytes, offset, length, StandardCharsets.ISO_8859_1)));
    }

    @Override
    public void flush() {
        stream.invoke("flush");
    }
}
