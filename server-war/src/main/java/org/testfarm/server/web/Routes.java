package org.testfarm.server.web;

import java.util.List;
import java.util.Optional;

import org.testfarm.wire.WireMethod;

/**
 * Every route of the web application, in one place. Paths are matched on their
 * non-empty segments, so {@code <prefix>//clientIdle} (clients configured with a
 * base URL ending in a slash) reaches the same route as {@code /clientIdle}.
 *
 * <pre>
 * GET       /api, /testfarmservice/api            protocol version "2.0"
 * GET|POST  /testfarmservice/{method}             wire protocol (spec/wire-protocol.md)
 * GET|POST  /{method}                             the same, for base URLs without testfarmservice
 * GET       /{project}/testfarm-data.js           project summary, JSON
 * GET       /{project}/testfarm-data.jsond        the same as JSONP, callme({...}) or ?callback=name
 * GET       /, /index.html                        the root page: every project
 * GET       /cc.xml                               CCTray feed of every client of every project
 * GET       /static/{asset}                       testfarm.css, ansi.css, testfarm.js, favicon.svg
 * GET       /{project}                            redirects to /{project}/
 * GET       /{project}/, /{project}/index.html    summary
 * GET       /{project}/history.html               history, latest days
 * GET       /{project}/history-YYYY-MM.html       history of one month
 * GET       /{project}/details-{client}-{execution}.html   one execution
 * GET       /{project}/{client}-stats.html        stats plots; -stats-{n}.png, -stats-thumb.png,
 *                                                 -stats.json, -stats.csv beside it
 * GET       /{project}/{client}-badge.svg         status badge
 * GET       /{project}/cc.xml                     CCTray feed of the project's clients
 * GET       /{project}/feed.atom                  Atom feed of status changes
 * </pre>
 */
final class Routes {

    static final String SERVICE = "testfarmservice";

    private Routes() {}

    static Optional<Handler> match(String httpMethod, List<String> path) {
        boolean get = "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
        boolean post = "POST".equals(httpMethod);
        if (path.equals(List.of("api")) || path.equals(List.of(SERVICE, "api"))) {
            return Optional.of(get ? new ApiVersion() : new MethodNotAllowed("GET"));
        }
        if ((get || post) && path.size() == 2 && path.get(0).equals(SERVICE)) {
            return Optional.of(new Ingestion(path.get(1)));
        }
        if (path.size() == 1 && (post || (get && WireMethod.byName(path.get(0)).isPresent()))) {
            return Optional.of(new Ingestion(path.get(0)));
        }
        if (get && path.size() == 2 && path.get(1).equals("testfarm-data.js")) {
            return Optional.of(new SummaryJson(path.get(0), false));
        }
        if (get && path.size() == 2 && path.get(1).equals("testfarm-data.jsond")) {
            return Optional.of(new SummaryJson(path.get(0), true));
        }
        if (get && path.size() <= 2) {
            return Optional.of(new SitePages(path));
        }
        return Optional.empty();
    }
}
