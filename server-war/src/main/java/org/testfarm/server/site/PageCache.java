package org.testfarm.server.site;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered files of the live site, each with the fingerprint it was rendered at:
 * least recently used first out once their bytes pass the limit, so memory stays
 * bounded however large the farm. Thread-safe.
 */
final class PageCache {

    record Entry(long fingerprint, Rendered rendered) {
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached file if it was rendered at this fingerprint. */
    synchronized Rendered get(String key, long fingerprint) {
        Entry entry = entries.get(key);
        return entry != null && entry.fingerprint() == fingerprint ? entry.rendered() : null;
    }

    synchronized void put(String key, long fingerprint, Rendered rendered) {
        long size = rendered.body().length;
        if (size > maxBytes / 4) {
            return; // one huge page must not flush everything else
        }
        Entry old = entries.put(key, new Entry(fingerprint, rendered));
        bytes += size - (old == null ? 0 : old.rendered().body().length);
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().rendered().body().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
