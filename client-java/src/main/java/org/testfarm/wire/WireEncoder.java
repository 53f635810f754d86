package org.testfarm.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;

/**
 * Turns events into {@link WireRequest}s, the way deployed Python clients
 * report them: one field per argument, each value a Python 2 literal
 * ({@link PyLiteral#format}: strings as byte-string reprs, integral idle minutes
 * as ints). {@link WireDecoder} reads back exactly what this writes.
 */
public final class WireEncoder {

    public WireRequest clientIdle(ClientRef client, double minutes) {
        if (!Double.isFinite(minutes)) {
            throw new WireException("idle minutes must be a finite number, not " + minutes);
        }
        Map<String, String> fields = base(client.project(), client.client());
        boolean integral = minutes == Math.rint(minutes) && Math.abs(minutes) < 1e15;
        fields.put("minutes", PyLiteral.format(integral ? (Object) (long) minutes : (Object) minutes));
        return new WireRequest(WireMethod.CLIENT_IDLE, fields);
    }

    public WireRequest event(ExecutionRef execution, ExecutionEvent event) {
        Map<String, String> fields = base(execution.project(), execution.client());
        fields.put("execution", PyLiteral.format(execution.execution()));
        WireMethod method;
        if (event instanceof ExecutionEvent.ExecutionStarted started) {
            method = WireMethod.EXECUTION_STARTS;
            for (Map.Entry<String, Object> extra : started.info().entrySet()) {
                if (method.parameters().contains(extra.getKey())) {
                    throw new WireException("execution info cannot hold '" + extra.getKey()
                            + "': it is a parameter of executionStarts");
                }
                fields.put(extra.getKey(), PyLiteral.format(extra.getValue()));
            }
        } else if (event instanceof ExecutionEvent.TaskStarted task) {
            method = WireMethod.TASK_STARTS;
            fields.put("task", PyLiteral.format(task.task()));
            fields.put("description", PyLiteral.format(task.description()));
        } else if (event instanceof ExecutionEvent.CommandStarted command) {
            method = WireMethod.COMMAND_STARTS;
            fields.put("task", PyLiteral.format(command.task()));
            fields.put("command", PyLiteral.format(command.command()));
            fields.put("commandline", PyLiteral.format(command.commandLine()));
        } else if (event instanceof ExecutionEvent.CommandEnded command) {
            method = WireMethod.COMMAND_ENDS;
            fields.put("task", PyLiteral.format(command.task()));
            fields.put("command", PyLiteral.format(command.command()));
            fields.put("output", PyLiteral.format(command.output()));
            fields.put("ok", PyLiteral.format(command.ok()));
            fields.put("info", PyLiteral.format(command.info()));
            fields.put("stats", PyLiteral.format(command.stats()));
        } else if (event instanceof ExecutionEvent.TaskEnded task) {
            method = WireMethod.TASK_ENDS;
            fields.put("task", PyLiteral.format(task.task()));
            fields.put("ok", PyLiteral.format(task.ok()));
        } else {
            method = WireMethod.EXECUTION_ENDS;
            fields.put("ok", PyLiteral.format(((ExecutionEvent.ExecutionEnded) event).ok()));
        }
        return new WireRequest(method, fields);
    }

    /** What {@link WireDecoder} gave: encodes it back. */
    public WireRequest encode(WireCall call) {
        if (call instanceof WireCall.Idle idle) {
            return clientIdle(idle.client(), idle.minutes());
        }
        WireCall.Event event = (WireCall.Event) call;
        return event(event.execution(), event.event());
    }

    private static Map<String, String> base(String project, String client) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", PyLiteral.format(project));
        fields.put("client", PyLiteral.format(client));
        return fields;
    }
}
