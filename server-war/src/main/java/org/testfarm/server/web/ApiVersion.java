package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.testfarm.wire.WireMethod;

/** {@code GET <base>/api}: the protocol version. */
final class ApiVersion implements Handler {

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.text(response, HttpServletResponse.SC_OK, WireMethod.PROTOCOL_VERSION);
    }
}
