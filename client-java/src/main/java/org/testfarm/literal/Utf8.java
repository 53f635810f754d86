package org.testfarm.literal;

import java.util.function.IntConsumer;

/** UTF-8 encoding of one code point; an unpaired surrogate, which UTF-8 cannot carry, becomes U+FFFD. */
final class Utf8 {

    private Utf8() {
    }

    static void encode(int codePoint, IntConsumer byteSink) {
        if (codePoint < 0x80) {
            byteSink.accept(codePoint);
        } else if (codePoint < 0x800) {
            byteSink.accept(0xc0 | codePoint >> 6);
            byteSink.accept(0x80 | codePoint & 0x3f);
        } else if (codePoint < 0x10000) {
            int bmp = Character.isSurrogate((char) codePoint) ? 0xfffd : codePoint;
            byteSink.accept(0xe0 | bmp >> 12);
            byteSink.accept(0x80 | bmp >> 6 & 0x3f);
            byteSink.accept(0x80 | bmp & 0x3f);
        } else {
            byteSink.accept(0xf0 | codePoint >> 18);
            byteSink.accept(0x80 | codePoint >> 12 & 0x3f);
            byteSink.accept(0x80 | codePoint >> 6 & 0x3f);
            byteSink.accept(0x80 | codePoint & 0x3f);
        }
    }
}
