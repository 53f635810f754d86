package org.testfarm.jython.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.python.core.PyObject;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.UpdateResult;

/**
 * A sandbox class written in the script (v1 allows one with the methods of
 * GitSandbox) as a Java {@link Sandbox} the runner can watch and update.
 */
public final class PythonSandbox implements Sandbox {

    private final PyObject sandbox;

    public PythonSandbox(PyObject sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Path location() {
        return Path.of(PyValues.text(sandbox.invoke("location")));
    }

    @Override
    public String state() {
        return String.valueOf(PyValues.text(sandbox.invoke("state").__str__()));
    }

    @Override
    public String remoteState() {
        return String.valueOf(PyValues.text(sandbox.invoke("remoteState").__str__()));
    }

    @Override
    public List<String> pendingUpdates() {
        List<String> revisions = new ArrayList<>();
        for (PyObject revision : sandbox.invoke("pendingUpdates").asIterable()) {
            revisions.add(PyValues.text(revision.__str__()));
        }
        return revisions;
    }

    /** From {@code guilty()}: (revision, author, message) tuples, oldest first. */
    @Override
    public List<Change> changeLog() {
        List<Change> changes = new ArrayList<>();
        for (PyObject change : sandbox.invoke("guilty").asIterable()) {
            changes.add(new Change(PyValues.text(change.__getitem__(0).__str__()),
                    PyValues.text(change.__getitem__(1).__str__()), PyValues.text(change.__getitem__(2).__str__())));
        }
        return changes;
    }

    @Override
    public boolean hasPendingChanges() {
        return sandbox.invoke("hasPendingChanges").__nonzero__();
    }

    @Override
    public UpdateResult update() {
        String before = state();
        sandbox.invoke("update");
        return new UpdateResult(before, state(), List.of());
    }

    @Override
    public String toString() {
        return "PythonSandbox[" + sandbox.getType().getName() + "]";
    }
}
