package org.testfarm.server.page;

import java.nio.charset.StandardCharsets;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

/**
 * The file names of a project's pages, and relative links to them: the same in
 * the live site and in a static copy. Names are percent-encoded in links (a
 * client may be called {@code linux 64+}), never in file names.
 */
public final class Links {

    private Links() {}

    public static String detailsFile(ExecutionRef ref) {
        return "details-" + ref.client() + "-" + ref.execution() + ".html";
    }

    public static String statsFile(ClientRef ref) {
        return ref.client() + "-stats.html";
    }

    public static String statsDataFile(ClientRef ref, String extension) {
        return ref.client() + "-stats." + extension;
    }

    public static String chartFile(ClientRef ref, int number) {
        return ref.client() + "-stats-" + number + ".png";
    }

    public static String thumbnailFile(ClientRef ref) {
        return ref.client() + "-stats-thumb.png";
    }

    public static String badgeFile(ClientRef ref) {
        return ref.client() + "-badge.svg";
    }

    public static String historyFile(String month) {
        return month == null ? "history.html" : "history-" + month + ".html";
    }

    /** A relative link to a file of the same folder. */
    public static String href(String file) {
        return encode(file);
    }

    /** Percent-encodes everything but unreserved characters, so any name is one path segment. */
    public static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
