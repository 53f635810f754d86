package org.testfarm.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

import org.testfarm.event.FarmListener;
import org.testfarm.server.alert.AlertMonitor;
import org.testfarm.wire.WireCall;
import org.testfarm.wire.WireMethod;

/**
 * A client's report: decode the fields, store the event (durably, once), answer
 * {@code Done}. Every failure is answered by {@link Responses#error}.
 */
final class Ingestion implements Handler {

    private final String method;

    Ingestion(String method) {
        this.method = method;
    }

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (WireMethod.byName(method).isEmpty()) {
            throw new org.testfarm.wire.UnknownMethodException(method);
        }
        long length = request.getContentLengthLong();
        if (length > farm.maxBodyBytes()) {
            throw new RequestTooLargeException(length, farm.maxBodyBytes());
        }
        WireCall call = ingest(farm, method, RequestFields.of(request, (int) farm.maxBodyBytes()));
        if (request.getServletContext().getAttribute(AlertMonitor.ATTRIBUTE) instanceof FarmListener alerts) {
            call.deliver(alerts); // after storing: the alerts only queue a look at the client
        }
        Responses.text(response, HttpServletResponse.SC_OK, "Done");
    }

    /** Decodes a report's fields and stores it; what {@link #handle} does once it has the fields. */
    static WireCall ingest(Farm farm, String method, Map<String, String> fields) {
        WireCall call = farm.decoder().decode(method, fields);
        call.deliver(farm.store());
        farm.site().changed();
        return call;
    }
}
