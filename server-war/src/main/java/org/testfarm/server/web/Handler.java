package org.testfarm.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** One use case behind a route: parse, call, render. */
interface Handler {

    void handle(Farm farm, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException;
}
