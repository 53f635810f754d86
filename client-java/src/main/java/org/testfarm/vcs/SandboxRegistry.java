package org.testfarm.vcs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

import org.testfarm.TestFarmException;

/**
 * The sandbox providers, by name. {@link #installed()} holds those listed in
 * {@code META-INF/services/org.testfarm.vcs.SandboxProvider} on the class path,
 * loaded once; tests build their own registry and {@link #register} providers.
 * Two providers with the same name are refused loudly.
 */
public final class SandboxRegistry {

    private static SandboxRegistry installed;

    private final Map<String, SandboxProvider> providers = new LinkedHashMap<>();

    /** An empty registry. */
    public SandboxRegistry() {
    }

    /** The registry of the providers installed on the class path, loaded on first use. */
    public static synchronized SandboxRegistry installed() {
        if (installed == null) {
            installed = load(SandboxRegistry.class.getClassLoader());
        }
        return installed;
    }

    /**
     * A new registry of the providers that {@link ServiceLoader} finds through {@code loader}.
     *
     * @throws DuplicateProviderException when two of them have the same name
     */
    public static SandboxRegistry load(ClassLoader loader) {
        SandboxRegistry registry = new SandboxRegistry();
        try {
            for (SandboxProvider provider : ServiceLoader.load(SandboxProvider.class, loader)) {
                registry.register(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new TestFarmException("cannot load a sandbox provider: " + e.getMessage(), e);
        }
        return registry;
    }

    /**
     * Adds a provider under its {@link SandboxProvider#name()}.
     *
     * @throws DuplicateProviderException when the name is taken
     */
    public synchronized SandboxRegistry register(SandboxProvider provider) {
        String name = provider.name();
        if (name == null || name.isBlank()) {
            throw new TestFarmException("sandbox provider " + provider.getClass().getName() + " has no name");
        }
        SandboxProvider existing = providers.get(name);
        if (existing != null) {
            throw new DuplicateProviderException(name, existing, provider);
        }
        providers.put(name, provider);
        return this;
    }

    public synchronized Optional<SandboxProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /**
     * The provider called {@code name}.
     *
     * @throws TestFarmException when there is none, listing the known names
     */
    public SandboxProvider provider(String name) {
        return find(name).orElseThrow(() -> new TestFarmException(
                "no sandbox provider is named '" + name + "'; known: " + sortedNames()));
    }

    /** The names, in registration order. */
    public synchronized List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /**
     * The one provider whose kind of working copy {@code directory} is.
     *
     * @throws SandboxException when none or several recognize it
     */
    public SandboxProvider detect(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SandboxException(directory, SandboxException.Reason.NOT_A_WORKING_COPY,
                    "there is no such directory");
        }
        List<SandboxProvider> fitting = new ArrayList<>();
        List<String> fittingNames = new ArrayList<>();
        for (SandboxProvider provider : snapshot()) {
            if (provider.recognizes(directory)) {
                fitting.add(provider);
                fittingNames.add(provider.name());
            }
        }
        if (fitting.isEmpty()) {
            throw new SandboxException(directory, SandboxException.Reason.NOT_A_WORKING_COPY,
                    "none of the known kinds (" + sortedNames() + ") recognizes it");
        }
        if (fitting.size() > 1) {
            throw new SandboxException(directory, SandboxException.Reason.FAILED,
                    "it is a working copy of several kinds (" + String.join(", ", new TreeSet<>(fittingNames))
                            + "); name the kind to use");
        }
        return fitting.get(0);
    }

    /** Opens {@code directory} with the provider that {@link #detect detects} it. */
    public Sandbox open(Path directory, SandboxOptions options) {
        return detect(directory).open(directory, options);
    }

    /** Opens {@code directory} with the provider called {@code name}. */
    public Sandbox open(String name, Path directory, SandboxOptions options) {
        return provider(name).open(directory, options);
    }

    private String sortedNames() {
        return String.join(", ", new TreeSet<>(names()));
    }

    private synchronized List<SandboxProvider> snapshot() {
        return List.copyOf(providers.values());
    }
}
