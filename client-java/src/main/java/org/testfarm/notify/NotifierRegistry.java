package org.testfarm.notify;

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
 * The notifier providers, by name. {@link #installed()} holds those listed in
 * {@code META-INF/services/org.testfarm.notify.NotifierProvider} on the class
 * path, loaded once; tests build their own registry and {@link #register}
 * providers. Two providers with the same name are refused loudly.
 */
public final class NotifierRegistry {

    /** The prefix of the metadata keys that configure channels: {@code notify.<name>.<setting>}. */
    public static final String PREFIX = "notify.";

    private static NotifierRegistry installed;

    private final Map<String, NotifierProvider> providers = new LinkedHashMap<>();

    /** An empty registry. */
    public NotifierRegistry() {
    }

    /** The registry of the providers installed on the class path, loaded on first use. */
    public static synchronized NotifierRegistry installed() {
        if (installed == null) {
            installed = load(NotifierRegistry.class.getClassLoader());
        }
        return installed;
    }

    /**
     * A new registry of the providers that {@link ServiceLoader} finds through {@code loader}.
     *
     * @throws DuplicateNotifierException when two of them have the same name
     */
    public static NotifierRegistry load(ClassLoader loader) {
        NotifierRegistry registry = new NotifierRegistry();
        try {
            for (NotifierProvider provider : ServiceLoader.load(NotifierProvider.class, loader)) {
                registry.register(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new TestFarmException("cannot load a notifier provider: " + e.getMessage(), e);
        }
        return registry;
    }

    /**
     * Adds a provider under its {@link NotifierProvider#name()}.
     *
     * @throws DuplicateNotifierException when the name is taken
     */
    public synchronized NotifierRegistry register(NotifierProvider provider) {
        String name = provider.name();
        if (name == null || !name.matches("[a-z][a-z0-9_-]*")) {
            throw new TestFarmException("notifier provider " + provider.getClass().getName()
                    + " needs a name of lower-case letters, digits, '-' or '_', not '" + name + "'");
        }
        NotifierProvider existing = providers.get(name);
        if (existing != null) {
            throw new DuplicateNotifierException(name, existing, provider);
        }
        providers.put(name, provider);
        return this;
    }

    public synchronized Optional<NotifierProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /**
     * The provider called {@code name}.
     *
     * @throws InvalidSettingsException when there is none, listing the known names
     */
    public NotifierProvider provider(String name) {
        return find(name).orElseThrow(() -> new InvalidSettingsException(
                "no notifier is named '" + name + "'; known: " + String.join(", ", new TreeSet<>(names()))));
    }

    /** The names, in registration order. */
    public synchronized List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** A channel of the kind {@code name}, configured by {@code settings}. */
    public Notifier create(String name, Map<String, ?> settings) {
        return provider(name).create(new ChannelSettings(name, settings));
    }

    /**
     * The names of the channels that flat settings configure: each registered
     * name with at least one {@code notify.<name>.*} key. Keys of unknown names
     * are ignored (their plug-in may be missing; see {@link #unknownChannels}).
     */
    public List<String> configuredIn(Map<String, ?> flat) {
        List<String> out = new ArrayList<>();
        for (String name : names()) {
            if (!ChannelSettings.select(name, flat, PREFIX + name + ".").isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** One channel per name {@link #configuredIn} finds, from its {@code notify.<name>.*} keys. */
    public List<Notifier> createAll(Map<String, ?> flat) {
        List<Notifier> out = new ArrayList<>();
        for (String name : configuredIn(flat)) {
            out.add(provider(name).create(ChannelSettings.select(name, flat, PREFIX + name + ".")));
        }
        return out;
    }

    /** The {@code notify.<name>.<setting>} keys whose name no provider has: a missing plug-in, a typo. */
    public List<String> unknownChannels(Map<String, ?> flat) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : flat.keySet()) {
            String[] parts = key.split("\\.", 3);
            if (parts.length == 3 && (parts[0] + ".").equals(PREFIX) && find(parts[1]).isEmpty()) {
                unknown.add(parts[1]);
            }
        }
        return List.copyOf(unknown);
    }
}
