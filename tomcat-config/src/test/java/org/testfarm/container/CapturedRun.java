package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run of the Python client captured in {@code fixtures/wire/<name>/}: its
 * requests in order, and the project, client and execution they report.
 */
record CapturedRun(String name, List<CapturedRequest> requests) {

    static CapturedRun load(String name) {
        Path dir = BuildPaths.shared().resolve("fixtures/wire").resolve(name);
        try (Stream<Path> files = Files.list(dir)) {
            List<CapturedRequest> requests = files.filter(f -> f.getFileName().toString().endsWith(".http"))
                    .sorted().map(CapturedRequest::read).toList();
            if (requests.isEmpty()) {
                throw new IllegalStateException(dir + " holds no captured request");
            }
            return new CapturedRun(name, requests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String project() {
        return text(requests.get(0).field("project"));
    }

    String client() {
        return text(requests.get(0).field("client"));
    }

    /** The execution id the run reports (from its first request that names one). */
    String execution() {
        return requests.stream().map(r -> r.field("execution")).filter(v -> v != null).findFirst()
                .map(CapturedRun::text)
                .orElseThrow(() -> new IllegalStateException(name + " reports no execution"));
    }

    /** The text of a plain quoted Python string literal, e.g. {@code 'x'} or {@code u'x'}. */
    private static String text(String literal) {
        String body = literal.startsWith("u") ? literal.substring(1) : literal;
        if (body.length() < 2 || body.charAt(0) != body.charAt(body.length() - 1) || body.contains("\\")) {
            throw new IllegalArgumentException("not a plain string literal: " + literal);
        }
        return body.substring(1, body.length() - 1);
    }
}
