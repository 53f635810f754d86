package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

import org.testfarm.server.site.LiveSite;
import org.testfarm.server.site.PagePath;

/**
 * The web site, live: finds the file a path names, answers 304 when the client's
 * copy is current (ETag), else the cached or freshly rendered file.
 */
final class SitePages implements Handler {

    private final List<String> path;

    SitePages(List<String> path) {
        this.path = path;
    }

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveSite site = farm.site();
        PagePath page = site.resolve(path)
                .orElseThrow(() -> new PageNotFoundException("/" + String.join("/", path)));
        if (path.size() == 1 && page.kind() == PagePath.Kind.SUMMARY && !request.getRequestURI().endsWith("/")) {
            // relative links of a project's pages need its folder
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURI() + "/");
            return;
        }
        String base = base(request);
        LiveSite.Served served = site.serve(page, base);
        response.setHeader("ETag", served.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (matches(request.getHeader("If-None-Match"), served.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String type = served.contentType();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.startsWith("image/png") ? type : type + ";charset=utf-8");
        response.setContentLength(served.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(served.body());
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The site's own address, for feeds that other programs read. */
    static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (standard ? "" : ":" + port) + request.getContextPath() + "/";
    }
}
