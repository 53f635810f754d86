package org.testfarm.state;

/** Numbers written in fixed places of names and times, read without a parser. */
public final class Digits {

    private Digits() {}

    /** The number the digits {@code from..to} of a text spell, or -1 if one is not an ASCII digit. */
    public static int of(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
