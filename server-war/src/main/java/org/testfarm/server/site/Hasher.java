package org.testfarm.server.site;

/** A 64-bit fingerprint folded from the inputs of a page (FNV-1a over the two bytes of each character). */
final class Hasher {

    private static final long PRIME = 0x100000001b3L;
    private long value = 0xcbf29ce484222325L;

    Hasher add(long number) {
        for (int shift = 0; shift < 64; shift += 8) {
            value = (value ^ ((number >>> shift) & 0xff)) * PRIME;
        }
        return this;
    }

    Hasher add(boolean flag) {
        return add(flag ? 1L : 0L);
    }

    Hasher add(String text) {
        if (text == null) {
            return add(-1L);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            value = (value ^ (c & 0xff)) * PRIME;
            value = (value ^ (c >>> 8)) * PRIME;
        }
        return add((long) text.length());
    }

    long value() {
        return value;
    }
}
