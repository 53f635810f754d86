package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.testfarm.server.feed.SummaryFeed;
import org.testfarm.wire.BadRequestException;

/** {@code <project>/testfarm-data.js} and its JSONP form {@code testfarm-data.jsond}. */
final class SummaryJson implements Handler {

    private final String project;
    private final boolean jsonp;

    SummaryJson(String project, boolean jsonp) {
        this.project = project;
        this.jsonp = jsonp;
    }

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!farm.store().hasProject(project)) {
            throw new PageNotFoundException("no project '" + project + "'");
        }
        response.setHeader("Cache-Control", "no-cache");
        if (!jsonp) {
            Responses.body(response, HttpServletResponse.SC_OK, "application/json",
                    SummaryFeed.json(farm.state(), project));
            return;
        }
        String callback = request.getParameter("callback");
        callback = callback == null ? SummaryFeed.DEFAULT_CALLBACK : callback;
        if (!SummaryFeed.isValidCallback(callback)) {
            throw new BadRequestException("invalid JSONP callback name");
        }
        Responses.body(response, HttpServletResponse.SC_OK, "application/javascript",
                SummaryFeed.jsonp(farm.state(), project, callback));
    }
}
