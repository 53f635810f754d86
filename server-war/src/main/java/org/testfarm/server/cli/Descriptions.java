package org.testfarm.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata keys upstream uses for descriptions. */
final class Descriptions {

    private Descriptions() {}

    static Map<String, Object> of(String description, String brief) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (description != null) {
            meta.put("description", description);
        }
        if (brief != null) {
            meta.put("briefDescription", brief);
        }
        return meta;
    }
}
