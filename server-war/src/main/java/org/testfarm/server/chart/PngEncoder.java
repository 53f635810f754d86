package org.testfarm.server.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG files of opaque RGB pictures ({@link BufferedImage#TYPE_INT_RGB}), such as the
 * stats plots: 8-bit truecolour, not interlaced, each row filtered by difference with
 * the row above ("Up"), compressed by a fast deflate.
 *
 * <p>Plots are mostly rows of one background colour crossed by lines, so a row differs
 * little from the one above it: with the "Up" filter most of the picture becomes zeros,
 * which deflate's quickest level packs smaller than ImageIO's writer did with its
 * per-row choice among the five filters (by a sixth, on the bench site's plots), in
 * less than half its time: that writer copies the pixels twice and tries every filter
 * on every row (see BENCHMARKS.md, {@code PlotEncodingBench}).
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BIT_DEPTH = 8;
    private static final int TRUECOLOUR = 2;
    private static final int FILTER_UP = 2;

    private PngEncoder() {}

    /** The PNG file of {@code image}, which must be of type {@link BufferedImage#TYPE_INT_RGB}. */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("an RGB image (TYPE_INT_RGB) is needed, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getRaster().getParent() != null) {
            throw new IllegalArgumentException("a picture of its own is needed, not a part of another one");
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData(); // row after row, no gaps
        ByteArrayOutputStream file = new ByteArrayOutputStream(16 * 1024);
        file.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = BIT_DEPTH;
        header[9] = TRUECOLOUR; // compression, filter method and interlace stay 0
        chunk(file, "IHDR", header, header.length);
        chunk(file, "IDAT", compressed(pixels, width, height), -1);
        chunk(file, "IEND", new byte[0], 0);
        return file.toByteArray();
    }

    /** The filtered rows, deflated (zlib format, as PNG's IDAT holds). */
    private static byte[] compressed(int[] pixels, int width, int height) {
        int rowBytes = 1 + 3 * width;
        byte[] row = new byte[rowBytes];
        row[0] = FILTER_UP;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                int at = y * width;
                int above = at - width;
                for (int x = 0, i = 1; x < width; x++, i += 3) {
                    int pixel = pixels[at + x];
                    int prior = y == 0 ? 0 : pixels[above + x];
                    row[i] = (byte) ((pixel >> 16) - (prior >> 16));
                    row[i + 1] = (byte) ((pixel >> 8) - (prior >> 8));
                    row[i + 2] = (byte) (pixel - prior);
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** A chunk: length, type, data, and the CRC of type and data. */
    private static void chunk(ByteArrayOutputStream file, String type, byte[] data, int length) {
        int size = length < 0 ? data.length : length;
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] word = new byte[4];
        putInt(word, 0, size);
        file.writeBytes(word);
        file.writeBytes(name);
        file.write(data, 0, size);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, size);
        putInt(word, 0, (int) crc.getValue());
        file.writeBytes(word);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}
