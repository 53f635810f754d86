package org.testfarm.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one servlet, mapped to {@code /}: it finds the request's route in
 * {@link Routes}, runs its handler, and lets {@link Responses} answer failures.
 */
public class FrontServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Responses.securityHeaders(response);
        List<String> path = segments(request);
        Optional<Handler> handler = Routes.match(request.getMethod(), path);
        if (handler.isEmpty()) {
            Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "NotFound: /" + String.join("/", path) + "\n");
            return;
        }
        try {
            handler.get().handle(Farm.of(getServletContext()), request, response);
        } catch (RuntimeException e) {
            // TestFarm's own failures get their status; anything else a logged 500 with the usual headers
            Responses.error(response, e);
        }
    }

    /** The request path inside the webapp, split on '/', empty segments dropped. */
    static List<String> segments(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
