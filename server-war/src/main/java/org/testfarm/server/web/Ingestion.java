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
 * A client's report: check who sends it ({@link ClientGuard}), decode the fields,
 * store the event (durably, once), answer {@code Done}. A signed request's body
 * is read whole and checked against its signature before anything parses it.
 * Every failure is answered by {@link Responses#error}.
 */
final class Ingestion implements Handler {

    private final String method;

    Ingestion(String method) {
        this.method = method;
    }

    @Override
    public void handle(Farm farm, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > farm.maxBodyBytes()) {
            throw new RequestTooLargeException(length, farm.maxBodyBytes());
        }
        ClientGuard.Signer signer = null;
        Map<String, String> fields;
        if (ClientGuard.signed(request)) {
            byte[] body = request.getInputStream().readNBytes((int) farm.maxBodyBytes() + 1);
            if (body.length > farm.maxBodyBytes()) {
                throw new RequestTooLargeException(body.length, farm.maxBodyBytes());
            }
            signer = farm.guard().verify(request, method, body);
            knownMethod();
            fields = FormBody.fields(request.getContentType(), body);
            fields.putAll(RequestFields.query(request.getQueryString()));
        } else {
            knownMethod();
            fields = RequestFields.of(request, (int) farm.maxBodyBytes());
        }
        WireCall call = ingest(farm, method, fields, signer);
        if (request.getServletContext().getAttribute(AlertMonitor.ATTRIBUTE) instanceof FarmListener alerts) {
            call.deliver(alerts); // after storing: the alerts only queue a look at the client
        }
        Responses.text(response, HttpServletResponse.SC_OK, "Done");
    }

    /**
     * Decodes a report's fields, admits its sender ({@code signer}: the client whose
     * key signed it and the nonce, or null when unsigned) and stores it; what {@link #handle} does
     * once it has the fields.
     */
    static WireCall ingest(Farm farm, String method, Map<String, String> fields, ClientGuard.Signer signer) {
        WireCall call = farm.decoder().decode(method, fields);
        farm.guard().admit(call.client(), signer);
        call.deliver(farm.store());
        farm.site().changed();
        return call;
    }

    private void knownMethod() {
        if (WireMethod.byName(method).isEmpty()) {
            throw new org.testfarm.wire.UnknownMethodException(method);
        }
    }
}
