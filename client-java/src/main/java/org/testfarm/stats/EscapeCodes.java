package org.testfarm.stats;

import java.util.regex.Pattern;

/** Terminal colour codes, such as the red the engine wraps stderr in, which parsers must look past. */
public final class EscapeCodes {

    private static final Pattern CODE = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");

    private EscapeCodes() {
    }

    public static String strip(String output) {
        return output.indexOf('\u001b') < 0 ? output : CODE.matcher(output).replaceAll("");
    }
}
