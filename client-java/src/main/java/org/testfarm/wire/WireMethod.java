package org.testfarm.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seven methods of the v2 wire protocol (spec/wire-protocol.md) and their
 * required arguments. {@code executionStarts} also takes any extra keyword.
 */
public enum WireMethod {
    CLIENT_IDLE("clientIdle", false, "project", "client", "minutes"),
    EXECUTION_STARTS("executionStarts", true, "project", "client", "execution"),
    TASK_STARTS("taskStarts", false, "project", "client", "execution", "task", "description"),
    COMMAND_STARTS("commandStarts", false, "project", "client", "execution", "task", "command", "commandline"),
    COMMAND_ENDS("commandEnds", false, "project", "client", "execution", "task", "command", "output", "ok",
            "info", "stats"),
    TASK_ENDS("taskEnds", false, "project", "client", "execution", "task", "ok"),
    EXECUTION_ENDS("executionEnds", false, "project", "client", "execution", "ok");

    /** The protocol version a {@code GET <base>/api} answers. */
    public static final String PROTOCOL_VERSION = "2.0";

    private final String wireName;
    private final boolean extraKeywords;
    private final List<String> parameters;

    WireMethod(String wireName, boolean extraKeywords, String... parameters) {
        this.wireName = wireName;
        this.extraKeywords = extraKeywords;
        this.parameters = List.of(parameters);
    }

    public String wireName() {
        return wireName;
    }

    public List<String> parameters() {
        return parameters;
    }

    public boolean takesExtraKeywords() {
        return extraKeywords;
    }

    public static Optional<WireMethod> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** Method names are reserved: no project may take one of them (nor {@code api}, {@code testfarmservice}). */
    public static boolean isReserved(String name) {
        return byName(name).isPresent() || "api".equals(name) || "testfarmservice".equals(name);
    }
}
