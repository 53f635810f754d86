package org.testfarm.notify.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Text made fit for IRC lines: no control characters that end a line, at most so many UTF-8 bytes. */
final class IrcText {

    private IrcText() {
    }

    /** Removes CR, LF and NUL, which would end or break a line. */
    static String clean(String text) {
        return text.replaceAll("[\\r\\n\\x00]", " ");
    }

    /** Splits {@code text} into parts of at most {@code maxBytes} UTF-8 bytes, at spaces when possible. */
    static List<String> split(String text, int maxBytes) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            int end = fitting(rest, maxBytes);
            int space = rest.lastIndexOf(' ', end);
            if (space > end / 2) {
                end = space;
            }
            parts.add(rest.substring(0, end));
            rest = rest.substring(end).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** How many chars of {@code text} fit in {@code maxBytes}, never splitting a surrogate pair. */
    private static int fitting(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return Math.max(i, 1);
    }
}
