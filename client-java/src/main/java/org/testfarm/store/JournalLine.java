package org.testfarm.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One record of an append-only file: {@code <crc32c as 8 hex digits> <literal>\n}.
 * The literal is a Python literal on one line (repr never emits a raw newline), so
 * the files stay readable by people and by grep; the checksum finds a torn or
 * damaged line, which readers then drop.
 */
final class JournalLine {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JournalLine() {}

    static byte[] encode(String literal) {
        if (literal.indexOf('\n') >= 0 || literal.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a journal literal must be one line");
        }
        byte[] body = literal.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[9 + body.length + 1];
        long crc = crc(body);
        for (int i = 7; i >= 0; i--, crc >>>= 4) {
            line[i] = (byte) HEX[(int) (crc & 0xf)];
        }
        line[8] = ' ';
        System.arraycopy(body, 0, line, 9, body.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** The literal of a line (without its newline), or null when the line is damaged. */
    static String decode(byte[] data, int from, int to) {
        if (to - from < 9 || data[from + 8] != ' ') {
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(data, from, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(data, from + 9, to - from - 9);
        if (crc.getValue() != expected) {
            return null;
        }
        return new String(data, from + 9, to - from - 9, StandardCharsets.UTF_8);
    }

    private static long crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }
}
