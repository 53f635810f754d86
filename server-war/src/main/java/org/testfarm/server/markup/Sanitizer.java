package org.testfarm.server.markup;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The allow-list for the HTML that admins and clients put in descriptions and
 * metadata ({@code My <b>project</b>}, {@code <img src="linux.png"/>}): text
 * formatting, lists, tables, links and images are kept; scripts, styles, event
 * handlers, forms, frames and {@code javascript:} or {@code data:} URLs are not.
 * Links open with {@code rel="nofollow noopener noreferrer"}.
 */
public final class Sanitizer {

    private static final Pattern SAFE_URL = Pattern.compile(
            "(?i)(https?:|mailto:)[^\\s]*|(?![a-z][a-z0-9+.-]*:)[^\\s]*");

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href").matching(SAFE_URL).onElements("a")
                    .allowAttributes("title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowStandardUrlProtocols()
                    .toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("img")
                    .allowAttributes("src").matching(SAFE_URL).onElements("img")
                    .allowAttributes("alt", "title").onElements("img")
                    .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,4}")).onElements("img")
                    .allowStandardUrlProtocols()
                    .toFactory())
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "code", "pre", "span").toFactory());

    /** The descriptions sanitised last: each page of a client shows the same one again. */
    private static final java.util.Map<String, Html> RECENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RECENT_KEPT = 1024;

    private Sanitizer() {}

    /** The description as markup with everything outside the allow-list removed. */
    public static Html sanitize(Object description) {
        if (description == null) {
            return Html.EMPTY;
        }
        String text = String.valueOf(description);
        if (text.isBlank()) {
            return Html.EMPTY;
        }
        Html known = RECENT.get(text);
        if (known == null) {
            known = new Html(POLICY.sanitize(text));
            if (RECENT.size() >= RECENT_KEPT) {
                RECENT.clear();
            }
            RECENT.put(text, known);
        }
        return known;
    }
}
