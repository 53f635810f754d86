package org.testfarm.server.site;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The site as the WAR serves it: each file rendered from the tree on demand and
 * kept, with its fingerprint, until something it depends on changes. A request
 * costs the fingerprint (a few {@code stat} calls) when nothing changed, and
 * nothing at all within a second of the last one if no report came in meanwhile.
 */
public final class LiveSite {

    public static final int INDEX_CAPACITY = 20_000;
    public static final long CACHE_BYTES = 32L << 20;

    /** A file to answer with; {@code etag} names its fingerprint, so an unchanged file answers 304. */
    public record Served(byte[] body, String contentType, String etag) {
    }

    /** How long a fingerprint is trusted when no report came in meanwhile (changes made by other processes). */
    static final long TRUST_NANOS = 1_000_000_000L;
    private static final int TRUSTED_MAX = 10_000;

    private record Known(long fingerprint, long changes, long at) {
    }

    private final Site site;
    private final PageCache cache;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();
    /** The files being rendered (key and fingerprint), and the fingerprints being looked at again. */
    private final java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<Rendered>> rendering =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> refreshing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LiveSite(Site site, long cacheBytes) {
        this.site = site;
        this.cache = new PageCache(cacheBytes);
    }

    public Site site() {
        return site;
    }

    public Optional<PagePath> resolve(List<String> segments) {
        return site.resolve(segments);
    }

    /** The ETag a file would have now, without rendering it. */
    public String etag(PagePath path, String base) {
        String key = path.usesBase() ? base + " " + path.file() : path.file();
        return etag(fingerprint(path, base, key));
    }

    /** Called for every report stored: fingerprints computed before it are not trusted any more. */
    public void changed() {
        changes.incrementAndGet();
    }

    public Served serve(PagePath path, String base) {
        String key = path.usesBase() ? base + " " + path.file() : path.file();
        long fingerprint = fingerprint(path, base, key);
        Rendered rendered = cache.get(key, fingerprint);
        if (rendered == null) {
            rendered = render(path, base, key, fingerprint);
        }
        return new Served(rendered.body(), rendered.contentType(), etag(fingerprint));
    }

    /** Renders a file once however many requests want it at the same time: the others wait for that render. */
    private Rendered render(PagePath path, String base, String key, long fingerprint) {
        String flight = key + "\u0000" + fingerprint;
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        CompletableFuture<Rendered> running = rendering.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        try {
            // a render that ended between this request's look at the cache and now left it there
            Rendered rendered = cache.get(key, fingerprint);
            if (rendered == null) {
                rendered = site.render(path, base, null);
                cache.put(key, fingerprint, rendered);
            }
            mine.complete(rendered);
            return rendered;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(flight, mine);
        }
    }

    /** The fingerprint, computed again unless a report came in or a second passed since it last was. */
    private long fingerprint(PagePath path, String base, String key) {
        long now = System.nanoTime();
        long seen = changes.get();
        Known last = known.get(key);
        if (last != null && last.changes() == seen) {
            if (now - last.at() < TRUST_NANOS) {
                return last.fingerprint();
            }
            // only time passed: one request looks again, the others answer from the last look meanwhile
            if (!refreshing.add(key)) {
                return last.fingerprint();
            }
            try {
                return look(path, base, key, seen, now);
            } finally {
                refreshing.remove(key);
            }
        }
        return look(path, base, key, seen, now);
    }

    private long look(PagePath path, String base, String key, long seen, long now) {
        long fingerprint = site.fingerprint(path, base, null);
        if (known.size() > TRUSTED_MAX) {
            known.clear();
        }
        known.put(key, new Known(fingerprint, seen, now));
        return fingerprint;
    }

    private static String etag(long fingerprint) {
        return "\"" + Long.toHexString(fingerprint) + "\"";
    }

    public long cachedBytes() {
        return cache.bytes();
    }
}
