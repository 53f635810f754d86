package org.testfarm.wire;

import java.util.LinkedHashMap;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.LiteralException;
import org.testfarm.literal.LiteralLimits;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.Truth;

/**
 * Turns a request's fields (each a Python 2 literal, as deployed clients send
 * them) into a {@link WireCall}. Nothing is evaluated; anything out of the
 * protocol is a {@link BadRequestException} naming the parameter. Values are read
 * as leniently as the upstream server read them (an {@code ok} is Python-true).
 */
public final class WireDecoder {

    /** The longest idle period a client may announce: ten years. */
    public static final long MAX_IDLE_MINUTES = 10L * 366 * 24 * 60;

    private final LiteralLimits limits;

    public WireDecoder(LiteralLimits limits) {
        this.limits = limits;
    }

    public WireDecoder() {
        this(LiteralLimits.DEFAULT);
    }

    public WireCall decode(String methodName, Map<String, String> fields) {
        WireMethod method = WireMethod.byName(methodName).orElseThrow(() -> new UnknownMethodException(methodName));
        for (String name : method.parameters()) {
            if (!fields.containsKey(name)) {
                throw new BadRequestException("missing parameter '" + name + "' for " + method.wireName());
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!method.parameters().contains(field.getKey())) {
                if (!method.takesExtraKeywords()) {
                    throw new BadRequestException("unexpected parameter '" + field.getKey() + "' for "
                            + method.wireName());
                }
                extra.put(field.getKey(), literal(field.getKey(), field.getValue()));
            }
        }
        Fields f = new Fields(fields);
        ClientRef client = new ClientRef(f.text("project"), f.text("client"));
        if (method == WireMethod.CLIENT_IDLE) {
            return new WireCall.Idle(client, f.minutes("minutes"));
        }
        ExecutionRef execution = client.execution(f.text("execution"));
        ExecutionEvent event = switch (method) {
            case EXECUTION_STARTS -> new ExecutionEvent.ExecutionStarted(extra);
            case TASK_STARTS -> new ExecutionEvent.TaskStarted(f.index("task"), f.textOrEmpty("description"));
            case COMMAND_STARTS -> new ExecutionEvent.CommandStarted(f.index("task"), f.index("command"),
                    f.textOrEmpty("commandline"));
            case COMMAND_ENDS -> new ExecutionEvent.CommandEnded(f.index("task"), f.index("command"),
                    f.textOrEmpty("output"), f.truth("ok"), f.textOrNone("info"), f.stats("stats"));
            case TASK_ENDS -> new ExecutionEvent.TaskEnded(f.index("task"), f.truth("ok"));
            case EXECUTION_ENDS -> new ExecutionEvent.ExecutionEnded(f.truthOrNone("ok"), null);
            default -> throw new IllegalStateException(method.name());
        };
        return new WireCall.Event(execution, event);
    }

    private Object literal(String name, String text) {
        try {
            return PyLiteral.parse(text, limits);
        } catch (LiteralException e) {
            throw new BadRequestException("parameter '" + name + "': " + e.getMessage());
        }
    }

    /** Typed access to the fields of one request. */
    private final class Fields {
        private final Map<String, String> raw;

        Fields(Map<String, String> raw) {
            this.raw = raw;
        }

        Object value(String name) {
            return literal(name, raw.get(name));
        }

        String text(String name) {
            if (value(name) instanceof String s) {
                return s;
            }
            throw wrongType(name, "a string");
        }

        String textOrEmpty(String name) {
            Object v = value(name);
            if (v == null) {
                return "";
            }
            if (v instanceof String s) {
                return s;
            }
            throw wrongType(name, "a string");
        }

        String textOrNone(String name) {
            Object v = value(name);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw wrongType(name, "a string or None");
        }

        int index(String name) {
            Object v = value(name);
            if (v instanceof Long n && n >= 0 && n <= 1_000_000) {
                return n.intValue();
            }
            throw wrongType(name, "an integer from 0 to 1000000");
        }

        double number(String name) {
            Object v = value(name);
            if (v instanceof Number n && !(v instanceof Boolean) && Double.isFinite(n.doubleValue())) {
                return n.doubleValue();
            }
            throw wrongType(name, "a number");
        }

        /** An idle period: a number of minutes from 0 to ten years (beyond, no date can hold its end). */
        double minutes(String name) {
            double minutes = number(name);
            if (minutes >= 0 && minutes <= MAX_IDLE_MINUTES) {
                return minutes;
            }
            throw wrongType(name, "a number of minutes from 0 to " + MAX_IDLE_MINUTES);
        }

        boolean truth(String name) {
            return Truth.of(value(name));
        }

        Boolean truthOrNone(String name) {
            Object v = value(name);
            return v == null ? null : Truth.of(v);
        }

        Map<String, Number> stats(String name) {
            Object v = value(name);
            Map<String, Number> stats = new LinkedHashMap<>();
            if (v == null) {
                return stats;
            }
            if (!(v instanceof Map<?, ?> map)) {
                throw wrongType(name, "a dict of names to numbers");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof Number n)
                        || e.getValue() instanceof Boolean || !Double.isFinite(n.doubleValue())) {
                    throw wrongType(name, "a dict of names to numbers");
                }
                stats.put(key, n);
            }
            return stats;
        }

        private BadRequestException wrongType(String name, String expected) {
            String shown = raw.get(name);
            if (shown.length() > 60) {
                shown = shown.substring(0, 60) + "...";
            }
            return new BadRequestException("parameter '" + name + "' must be " + expected + ", got " + shown);
        }
    }
}
