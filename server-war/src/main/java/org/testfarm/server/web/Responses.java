package org.testfarm.server.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.testfarm.literal.LiteralException;
import org.testfarm.server.site.MissingPageException;
import org.testfarm.store.ClientNotFoundException;
import org.testfarm.store.ExecutionNotFoundException;
import org.testfarm.store.InvalidNameException;
import org.testfarm.store.ProjectNotFoundException;
import org.testfarm.store.StoreException;
import org.testfarm.wire.BadRequestException;
import org.testfarm.wire.RequestSignature;
import org.testfarm.wire.UnknownMethodException;

/**
 * Writing answers, and the one place where failures become HTTP statuses and the
 * bodies deployed clients expect (spec/wire-protocol.md, "Responses").
 */
final class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class.getName());

    private Responses() {}

    /** The content security policy of every answer: scripts, styles and images from the site only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: http:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    /** The headers every answer carries, pages and errors alike. */
    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    static void text(HttpServletResponse response, int status, String body) throws IOException {
        body(response, status, "text/plain", body);
    }

    static void body(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** How a failure is answered: its status and body; store failures and unknown ones are logged. */
    static Failure failure(Throwable failure) {
        int status;
        String body;
        if (failure instanceof UnknownMethodException e) {
            status = 404;
            body = "NotFound: Bad function testfarmservice." + e.method();
        } else if (failure instanceof BadRequestException || failure instanceof InvalidNameException
                || failure instanceof LiteralException) {
            status = 400;
            body = "BadRequest: " + failure.getMessage();
        } else if (failure instanceof ProjectNotFoundException e) {
            // deployed clients raise on any 500; upstream answered these with 500 too
            status = 500;
            body = "ProjectNotFound: " + e.project();
        } else if (failure instanceof ClientNotFoundException e) {
            status = 500;
            body = "ClientNotFound: " + e.client();
        } else if (failure instanceof ExecutionNotFoundException || failure instanceof PageNotFoundException
                || failure instanceof MissingPageException) {
            status = 404;
            body = "NotFound: " + failure.getMessage();
        } else if (failure instanceof Refusal refusal) {
            status = refusal.status();
            body = refusal.getMessage();
        } else if (failure instanceof RequestTooLargeException) {
            status = 413;
            body = "RequestTooLarge: " + failure.getMessage();
        } else if (failure instanceof StoreException) {
            boolean full = String.valueOf(failure.getMessage()).contains("No space left");
            status = full ? 507 : 503;
            body = (full ? "InsufficientStorage: " : "ServiceUnavailable: ") + failure.getMessage();
            LOG.log(Level.WARNING, "cannot store a report", failure);
        } else {
            status = 500;
            body = "InternalError: see the server log";
            LOG.log(Level.SEVERE, "unexpected failure", failure);
        }
        return new Failure(status, body);
    }

    /** The status and one-line body a failure is answered with. */
    record Failure(int status, String body) {}

    /** Answers a failure; unknown ones are logged and answered 500 without details. */
    static void error(HttpServletResponse response, Throwable failure) throws IOException {
        Failure answer = failure(failure);
        int status = answer.status();
        String body = answer.body();
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        securityHeaders(response);
        if (status == 503) {
            response.setHeader("Retry-After", "10");
        } else if (failure instanceof Refusal refusal && status == 429) {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        } else if (status == 401) {
            response.setHeader("WWW-Authenticate", RequestSignature.ALGORITHM);
        }
        text(response, status, oneLine(body) + "\n");
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
