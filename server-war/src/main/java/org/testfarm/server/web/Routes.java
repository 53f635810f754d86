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
        return Optional.empty();
    }
}
