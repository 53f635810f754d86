package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A route that exists, asked with a method it does not take. */
final class MethodNotAllowed implements Handler {

    private final String allowed;

    MethodNotAllowed(String allowed) {
        this.allowed = allowed;
    }

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", allowed);
        Responses.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                "MethodNotAllowed: use " + allowed + "\n");
    }
}
