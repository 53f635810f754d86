package org.testfarm.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An environment a Java client changes as it goes, for instance from an info
 * callback: {@code env.set("FLAVOUR", "blue")} applies to the commands after it.
 * Safe to change from any thread.
 */
public final class MutableEnvironment implements EnvironmentSource {

    private final Map<String, String> variables;
    private Path directory;

    public MutableEnvironment(Map<String, String> variables, Path directory) {
        this.variables = new TreeMap<>(variables);
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A copy of {@code source} as it is now. */
    public static MutableEnvironment copyOf(EnvironmentSource source) {
        return new MutableEnvironment(source.variables(), source.currentDirectory());
    }

    public synchronized MutableEnvironment set(String name, String value) {
        variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public synchronized MutableEnvironment unset(String name) {
        variables.remove(name);
        return this;
    }

    /** Sets the directory the next task starts in. */
    public synchronized MutableEnvironment changeDirectory(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    @Override
    public synchronized Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    @Override
    public synchronized Path currentDirectory() {
        return directory;
    }
}
