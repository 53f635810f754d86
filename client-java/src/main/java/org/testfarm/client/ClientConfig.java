package org.testfarm.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.testfarm.TestFarmException;

/**
 * A client's configuration: names to text, what {@code {name}} placeholders in
 * command templates are filled with. Read from a map or from a {@code .properties},
 * {@code .yaml}/{@code .yml} or {@code .toml} file; nested tables become dotted
 * names ({@code build: {jobs: 4}} gives {@code build.jobs = 4}) and lists are
 * joined with spaces. Immutable.
 */
public final class ClientConfig {

    private static final ClientConfig EMPTY = new ClientConfig(Map.of());

    private final Map<String, String> entries;

    private ClientConfig(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static ClientConfig empty() {
        return EMPTY;
    }

    /** Entries from a map; nested maps and lists as in files, other values as their text. */
    public static ClientConfig of(Map<String, ?> values) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", values, flat);
        return new ClientConfig(flat);
    }

    /**
     * Reads {@code file}, by its extension: {@code .properties}, {@code .yaml},
     * {@code .yml} or {@code .toml}.
     *
     * @throws TestFarmException when it cannot be read or parsed, saying where
     */
    public static ClientConfig load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".properties")) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IllegalArgumentException malformed) {
                    throw new TestFarmException("cannot parse the configuration " + file + ": "
                            + malformed.getMessage(), malformed);
                }
                Map<String, String> entries = new LinkedHashMap<>();
                new TreeSet<>(properties.stringPropertyNames()).forEach(k -> entries.put(k, properties.getProperty(k)));
                return new ClientConfig(entries);
            }
            ObjectMapper mapper;
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                mapper = new ObjectMapper(new YAMLFactory());
            } else if (name.endsWith(".toml")) {
                mapper = new TomlMapper();
            } else {
                throw new TestFarmException("cannot tell the format of the configuration " + file
                        + ": name it .properties, .yaml, .yml or .toml");
            }
            try (InputStream in = Files.newInputStream(file)) {
                Object tree = mapper.readValue(in, Object.class);
                if (tree == null) {
                    return EMPTY;
                }
                if (!(tree instanceof Map<?, ?> map)) {
                    throw new TestFarmException("the configuration " + file + " must be a table of names to values");
                }
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", map, flat);
                return new ClientConfig(flat);
            }
        } catch (JacksonException e) {
            throw new TestFarmException("cannot parse the configuration " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new TestFarmException("cannot read the configuration " + file + ": " + e, e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> values, Map<String, String> into) {
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (value instanceof List<?> list) {
                into.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            } else {
                into.put(key, value == null ? "" : String.valueOf(value));
            }
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(entries.keySet()));
    }

    public Map<String, String> asMap() {
        return entries;
    }

    /** The entries whose names start with {@code prefix}, with the prefix taken off. */
    public Map<String, String> section(String prefix) {
        Map<String, String> section = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                section.put(k.substring(prefix.length()), v);
            }
        });
        return section;
    }

    /** This configuration with {@code other}'s entries added, {@code other} winning. */
    public ClientConfig with(ClientConfig other) {
        Map<String, String> merged = new LinkedHashMap<>(entries);
        merged.putAll(other.entries);
        return new ClientConfig(merged);
    }

    @Override
    public String toString() {
        return "ClientConfig" + names();
    }
}
