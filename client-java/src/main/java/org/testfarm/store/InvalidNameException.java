package org.testfarm.store;

import org.testfarm.TestFarmException;

/** A project, client or execution name that is not one safe path segment. */
public class InvalidNameException extends TestFarmException {

    public InvalidNameException(String kind, String name, String problem) {
        super("invalid " + kind + " name " + quote(name) + ": " + problem);
    }

    private static String quote(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
