package org.testfarm.notify;

import java.util.Arrays;

import org.testfarm.stats.EscapeCodes;

/**
 * The end of a command's output, sized for a message: colour codes removed, at
 * most so many lines and characters, with a first line saying what was cut.
 */
public record OutputTail(int maxLines, int maxChars) {

    /** The last 20 lines, at most 2,000 characters. */
    public static final OutputTail DEFAULT = new OutputTail(20, 2000);

    public OutputTail {
        if (maxLines < 1 || maxChars < 1) {
            throw new IllegalArgumentException("an output tail keeps at least one line and one character");
        }
    }

    public String of(String output) {
        String text = EscapeCodes.strip(output).replace("\r\n", "\n").stripTrailing();
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, lines.length - maxLines);
        String kept = String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
        if (kept.length() > maxChars) {
            kept = kept.substring(kept.length() - maxChars);
            int newline = kept.indexOf('\n');
            if (newline >= 0 && newline < kept.length() - 1) {
                kept = kept.substring(newline + 1);
            }
        }
        if (kept.length() == text.length()) {
            return kept;
        }
        long cut = text.substring(0, text.length() - kept.length()).lines().count();
        return "[... " + cut + (cut == 1 ? " line" : " lines") + " before]\n" + kept;
    }
}
