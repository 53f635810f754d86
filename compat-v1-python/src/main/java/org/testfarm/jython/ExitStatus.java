package org.testfarm.jython;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyInteger;
import org.python.core.PyLong;
import org.python.core.PyObject;

/** The exit status of a script that raised, as CPython's would be; tracebacks go to stderr. */
final class ExitStatus {

    private ExitStatus() {
    }

    /** {@code sys.exit(n)} gives n, {@code sys.exit()} 0, {@code sys.exit("text")} prints it and gives 1; anything else a traceback and 1. */
    static int of(PyException raised) {
        if (!raised.match(Py.SystemExit)) {
            Py.printException(raised);
            return 1;
        }
        PyObject code = raised.value;
        if (code != null && code.__findattr__("code") != null) {
            code = code.__getattr__("code");
        }
        if (code == null || code == Py.None) {
            return 0;
        }
        if (code instanceof PyInteger || code instanceof PyLong) {
            return code.asInt();
        }
        Py.getSystemState().stderr.invoke("write", Py.newStringOrUnicode(code.__str__().toString() + "\n"));
        return 1;
    }
}
