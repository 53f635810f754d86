package org.testfarm.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.testfarm.event.ExecutionRef;

/**
 * Links to the farm's web site ({@code config['testfarm_page']} of v1 clients):
 * {@code <base>/<project>/details-<client>-<execution>.html}, names percent-encoded.
 */
public record DetailsPage(URI base) {

    /**
     * @throws InvalidSettingsException when {@code base} is not an absolute http(s) URL
     */
    public static DetailsPage of(String base) {
        URI uri;
        try {
            uri = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("the web site address '" + base + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new InvalidSettingsException("the web site address '" + base
                    + "' must be an absolute http:// or https:// URL");
        }
        return new DetailsPage(uri);
    }

    /** The link base of a setting that may be absent or blank. */
    public static Optional<DetailsPage> ofNullable(Object base) {
        return base == null || String.valueOf(base).isBlank() ? Optional.empty()
                : Optional.of(of(String.valueOf(base)));
    }

    public URI details(ExecutionRef ref) {
        return URI.create(prefix() + segment(ref.project()) + "/details-" + segment(ref.client()) + "-"
                + segment(ref.execution()) + ".html");
    }

    private String prefix() {
        String text = base.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
