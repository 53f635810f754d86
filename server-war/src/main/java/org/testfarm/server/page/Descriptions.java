package org.testfarm.server.page;

import java.util.Map;

import org.testfarm.server.markup.Html;
import org.testfarm.server.markup.Sanitizer;

/** The descriptions of project and client metadata, sanitised ({@code description}, {@code briefDescription}). */
final class Descriptions {

    private Descriptions() {}

    static Html brief(Map<String, Object> meta) {
        return Sanitizer.sanitize(meta.get("briefDescription"));
    }

    static Html full(Map<String, Object> meta) {
        return Sanitizer.sanitize(meta.get("description"));
    }
}
