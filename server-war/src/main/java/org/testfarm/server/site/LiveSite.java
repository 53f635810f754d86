package org.testfarm.server.site;

import java.util.List;
import java.util.Optional;

/**
 * The site as the WAR serves it: each file rendered from the tree on demand and
 * kept, with its fingerprint, until something it depends on changes. A request
 * costs the fingerprint (a few {@code stat} calls) when nothing changed.
 */
public final class LiveSite {

    public static final int INDEX_CAPACITY = 20_000;
    public static final long CACHE_BYTES = 32L << 20;

    /** A file to answer with; {@code etag} names its fingerprint, so an unchanged file answers 304. */
    public record Served(byte[] body, String contentType, String etag) {
    }

    private final Site site;
    private final PageCache cache;

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
        return etag(site.fingerprint(path, base, null));
    }

    public Served serve(PagePath path, String base) {
        long fingerprint = site.fingerprint(path, base, null);
        String key = path.usesBase() ? base + " " + path.file() : path.file();
        Rendered rendered = cache.get(key, fingerprint);
        if (rendered == null) {
            rendered = site.render(path, base, null);
            cache.put(key, fingerprint, rendered);
        }
        return new Served(rendered.body(), rendered.contentType(), etag(fingerprint));
    }

    private static String etag(long fingerprint) {
        return "\"" + Long.toHexString(fingerprint) + "\"";
    }

    public long cachedBytes() {
        return cache.bytes();
    }
}
