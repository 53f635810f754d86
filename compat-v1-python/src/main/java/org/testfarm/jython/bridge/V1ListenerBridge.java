package org.testfarm.jython.bridge;

import java.util.HashMap;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyObject;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;

/**
 * Tells a listener written in Python (the v1 protocol, as in
 * {@code NullResultListener}) what the engine does. v1 words: the execution is
 * the task, a task a subtask. Methods the listener lacks are skipped; what it
 * raises propagates.
 */
public final class V1ListenerBridge implements FarmListener {

    private final PyObject listener;
    private final String taskName;
    private final Map<Integer, String> subtasks = new HashMap<>();
    private final Map<String, String> commands = new HashMap<>();

    /** @param taskName the v1 task's name (what {@code listen_begin_task} gets) */
    public V1ListenerBridge(PyObject listener, String taskName) {
        this.listener = listener;
        this.taskName = taskName;
    }

    @Override
    public void executionStarted(ExecutionRef execution, Map<String, Object> info) {
        call("listen_begin_task", PyValues.str(taskName), Snapshots.toPython(info.get("snapshot")));
    }

    @Override
    public void taskStarted(ExecutionRef execution, int task, String description) {
        subtasks.put(task, description);
        call("listen_begin_subtask", PyValues.str(description));
    }

    @Override
    public void commandStarted(ExecutionRef execution, int task, int command, String commandLine) {
        commands.put(task + " " + command, commandLine);
        call("listen_begin_command", PyValues.str(commandLine));
    }

    @Override
    public void commandEnded(ExecutionRef execution, int task, int command, String output, boolean ok,
                             String info, Map<String, Number> stats) {
        String line = commands.getOrDefault(task + " " + command, "");
        call("listen_end_command", PyValues.str(line), Py.newBoolean(ok), PyValues.str(output),
                PyValues.str(info == null ? "" : info), PyValues.dict(stats));
    }

    @Override
    public void taskEnded(ExecutionRef execution, int task, boolean ok) {
        call("listen_end_subtask", PyValues.str(subtasks.getOrDefault(task, "")));
    }

    @Override
    public void executionEnded(ExecutionRef execution, Boolean ok) {
        if (ok == null) {
            call("listen_end_task_gently", PyValues.str(taskName));
        } else {
            call("listen_end_task", PyValues.str(taskName), Py.newBoolean(ok));
        }
    }

    private void call(String method, PyObject... arguments) {
        PyObject bound = listener.__findattr__(method);
        if (bound != null) {
            bound.__call__(arguments);
        }
    }
}
