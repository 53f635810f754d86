package org.testfarm.tray;

import java.net.URI;
import java.util.Objects;

/**
 * One project the indicator watches: its JSON feed ({@code .../<project>/testfarm-data.js})
 * and the page to open for it (the feed's folder).
 */
public record ProjectFeed(URI feed, URI page) {

    static final String FEED_FILE = "testfarm-data.js";

    public ProjectFeed {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(page, "page");
    }

    /**
     * A feed from what a user types: the feed's URL, or the project page's
     * ({@code http://farm.example.org/myproject/}), to which the feed's name is added.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static ProjectFeed of(String address) {
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + address + "' is not an http:// or https:// URL");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (path.endsWith("/" + FEED_FILE)) {
            return new ProjectFeed(uri, uri.resolve("."));
        }
        URI page = path.endsWith("/") ? uri : URI.create(uri + "/");
        return new ProjectFeed(page.resolve(FEED_FILE), page);
    }
}
