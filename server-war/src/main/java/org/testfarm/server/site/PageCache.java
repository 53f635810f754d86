package org.testfarm.server.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered files of the live site, each with the fingerprint it was rendered at:
 * least recently used first out once their bytes pass the limit, so memory stays
 * bounded however large the farm. Thread-safe; a lookup takes no lock, so a
 * request for a cached page never waits for another thread.
 */
final class PageCache {

    static final class Entry {
        final long fingerprint;
        final Rendered rendered;
        volatile long used;

        Entry(long fingerprint, Rendered rendered, long used) {
            this.fingerprint = fingerprint;
            this.rendered = rendered;
            this.used = used;
        }
    }

    private final long maxBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private long bytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached file if it was rendered at this fingerprint. */
    Rendered get(String key, long fingerprint) {
        Entry entry = entries.get(key);
        if (entry == null || entry.fingerprint != fingerprint) {
            return null;
        }
        entry.used = clock.incrementAndGet();
        return entry.rendered;
    }

    synchronized void put(String key, long fingerprint, Rendered rendered) {
        long size = rendered.body().length;
        if (size > maxBytes / 4) {
            return; // one huge page must not flush everything else
        }
        Entry old = entries.put(key, new Entry(fingerprint, rendered, clock.incrementAndGet()));
        bytes += size - (old == null ? 0 : old.rendered.body().length);
        if (bytes > maxBytes) {
            List<Map.Entry<String, Entry>> eldest = new ArrayList<>(entries.entrySet());
            eldest.sort(Comparator.comparingLong(e -> e.getValue().used));
            for (int i = 0; bytes > maxBytes && i < eldest.size(); i++) {
                if (entries.remove(eldest.get(i).getKey(), eldest.get(i).getValue())) {
                    bytes -= eldest.get(i).getValue().rendered.body().length;
                }
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    int size() {
        return entries.size();
    }
}
