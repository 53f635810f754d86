package org.testfarm.server.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plots' PNG files, read back by the JDK's own PNG reader, pixel for pixel. */
class PngEncoderTest {

    @Test
    void aDrawingReadsBackPixelForPixel() throws IOException {
        BufferedImage drawing = new BufferedImage(720, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawing.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 720, 240);
        g.setColor(new Color(0x2563eb));
        g.setStroke(new BasicStroke(2f));
        Random random = new Random(7);
        int y = 120;
        for (int x = 0; x < 719; x++) {
            int next = Math.max(0, Math.min(239, y + random.nextInt(21) - 10));
            g.drawLine(x, y, x + 1, next);
            y = next;
        }
        g.setColor(Color.BLACK);
        g.drawString("executions", 300, 230);
        g.dispose();

        byte[] png = PngEncoder.encode(drawing);
        assertSamePixels(drawing, ImageIO.read(new ByteArrayInputStream(png)));
        ByteArrayOutputStream imageIo = new ByteArrayOutputStream();
        ImageIO.write(drawing, "png", imageIo);
        assertThat(png.length).as("about as small as ImageIO's (%d bytes)", imageIo.size())
                .isLessThan(imageIo.size() * 3 / 2);
    }

    @Test
    void everyColourValueAndEveryDifferenceBetweenRowsSurvives() throws IOException {
        BufferedImage noise = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        assertSamePixels(noise, ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(noise))));

        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        dot.setRGB(0, 0, 0xff8000);
        assertSamePixels(dot, ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(dot))));
    }

    @Test
    void chunksCarryTheirLengthsAndChecksums() {
        byte[] png = PngEncoder.encode(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        int at = 8;
        StringBuilder types = new StringBuilder();
        while (at < png.length) {
            int length = intAt(png, at);
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + length);
            assertThat(intAt(png, at + 8 + length)).as(type).isEqualTo((int) crc.getValue());
            types.append(type).append(' ');
            at += 12 + length;
        }
        assertThat(at).isEqualTo(png.length);
        assertThat(types.toString().strip()).isEqualTo("IHDR IDAT IEND");
        assertThat(intAt(png, 16)).as("width").isEqualTo(3);
        assertThat(intAt(png, 20)).as("height").isEqualTo(2);
    }

    @Test
    void onlyWholeRgbPicturesAreTaken() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TYPE_INT_RGB");
        BufferedImage whole = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> PngEncoder.encode(whole.getSubimage(2, 2, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part of another");
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRGB(x, y);
                int got = actual.getRGB(x, y);
                if (want != got) {
                    throw new AssertionError(String.format("pixel (%d, %d): %08x, read back %08x", x, y, want, got));
                }
            }
        }
    }

    private static int intAt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | (bytes[at + 3] & 0xff);
    }
}
