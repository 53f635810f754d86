package org.testfarm.store;

import java.util.Locale;
import java.util.Set;

/**
 * The rule for project, client and execution names: each is one safe path
 * segment. Letters (any script), digits, space and {@code ._+-}; no leading dot
 * or space; at most 64 characters; no Windows reserved device name.
 */
public final class Names {

    public static final int MAX_LENGTH = 64;

    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private Names() {}

    /** Returns the name if it is safe, else throws {@link InvalidNameException}. */
    public static String check(String kind, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new InvalidNameException(kind, name, problem);
        }
        return name;
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (name.charAt(0) == '.' || name.charAt(0) == ' ') {
            return "it starts with '" + name.charAt(0) + "'";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == '_' || c == '+' || c == '-')) {
                return String.format("it contains the character U+%04X", c);
            }
            i += Character.charCount(c);
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_RESERVED.contains(stem.trim().toUpperCase(Locale.ROOT))) {
            return "it is a reserved device name on Windows";
        }
        return null;
    }
}
