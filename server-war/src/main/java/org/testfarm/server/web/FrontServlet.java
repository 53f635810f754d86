package org.testfarm.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The one servlet, mapped to {@code /}: it reads the path and hands the request
 * to its route. Answers the protocol version at {@code /api} and
 * {@code /testfarmservice/api} (the v1 clients' address); everything else is 404.
 */
public class FrontServlet extends HttpServlet {

    /** The wire protocol version this server speaks. */
    static final String API_VERSION = "2.0";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        if (isApiVersion(path)) {
            response.setContentType("text/plain");
            response.getWriter().write(API_VERSION);
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private static boolean isApiVersion(List<String> path) {
        return path.equals(List.of("api")) || path.equals(List.of("testfarmservice", "api"));
    }

    /** The request path inside the webapp, split on '/', empty segments dropped. */
    static List<String> segments(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
