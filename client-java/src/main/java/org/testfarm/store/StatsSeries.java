package org.testfarm.store;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stats of one client: for each key, a time series execution id → value.
 * A value reported twice for the same execution and key counts once (the last).
 */
public final class StatsSeries {

    private final NavigableMap<String, NavigableMap<String, Number>> byKey = new TreeMap<>();
    /** {@link #executions()} once asked for: a page and each of its plots ask again. */
    private volatile NavigableSet<String> executions;

    void put(String execution, String key, Number value) {
        byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(execution, value);
        executions = null;
    }

    public NavigableSet<String> keys() {
        return Collections.unmodifiableNavigableSet(byKey.navigableKeySet());
    }

    /** Execution id → value for one key, in execution order; empty if the key is unknown. */
    public NavigableMap<String, Number> series(String key) {
        NavigableMap<String, Number> series = byKey.get(key);
        return series == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(series);
    }

    /** Every execution that has at least one value, in order. */
    public NavigableSet<String> executions() {
        NavigableSet<String> known = executions;
        if (known == null) {
            NavigableSet<String> all = new TreeSet<>();
            byKey.values().forEach(s -> all.addAll(s.keySet()));
            known = Collections.unmodifiableNavigableSet(all);
            executions = known;
        }
        return known;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public Map<String, NavigableMap<String, Number>> asMap() {
        return Collections.unmodifiableMap(byKey);
    }
}
