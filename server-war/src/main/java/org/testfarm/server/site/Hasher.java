package org.testfarm.server.site;

import java.nio.charset.StandardCharsets;

/** A 64-bit fingerprint folded from the inputs of a page (FNV-1a over their bytes). */
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
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            value = (value ^ (b & 0xff)) * PRIME;
        }
        return add((long) text.length());
    }

    long value() {
        return value;
    }
}
