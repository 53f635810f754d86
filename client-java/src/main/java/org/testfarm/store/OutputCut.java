package org.testfarm.store;

/**
 * Keeps a command's output within a size: its head and tail, with a line in
 * between saying how much was left out. A cut never splits a surrogate pair.
 */
final class OutputCut {

    private OutputCut() {}

    static String cut(String output, int max) {
        if (output.length() <= max) {
            return output;
        }
        int head = boundary(output, max / 2);
        int tail = boundary(output, output.length() - (max / 2 - 100));
        int dropped = tail - head;
        return output.substring(0, head) + "\n\u001b[0m[TestFarm] " + dropped
                + " characters of output left out here\n" + output.substring(tail);
    }

    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
