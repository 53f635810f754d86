package org.testfarm.jython.bridge;

import java.time.Duration;

import org.python.core.Py;
import org.python.core.PyObject;
import org.testfarm.runner.CheckObserver;

/** Each check's result to a Python callable {@code f(found, seconds_idle)}: v1's {@code listen_found_new_commits}. */
public final class FoundNewCommits implements CheckObserver {

    private final PyObject callable;

    public FoundNewCommits(PyObject callable) {
        this.callable = callable;
    }

    @Override
    public void checked(boolean newCommits, Duration idlePeriod) {
        callable.__call__(Py.newBoolean(newCommits), Py.newInteger((int) idlePeriod.toSeconds()));
    }
}
