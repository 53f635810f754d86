package org.testfarm.server.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writing the plots of a generated site again, by {@link PngEncoder} and by ImageIO's
 * PNG writer as the plots were written before (compression quality 0.75), in turn:
 * time and bytes of each. Not a test; figures in BENCHMARKS.md.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=20 -cp $CP org.testfarm.server.chart.PlotEncodingBench SITE [ROUNDS]
 * </pre>
 */
public final class PlotEncodingBench {

    private PlotEncodingBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PlotEncodingBench SITE [ROUNDS]   (SITE: what `generate` wrote)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<BufferedImage> plots = plots(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long imageIoBytes = 0;
            for (BufferedImage plot : plots) {
                imageIoBytes += imageIo(plot).length;
            }
            long middle = System.nanoTime();
            long ownBytes = 0;
            for (BufferedImage plot : plots) {
                ownBytes += PngEncoder.encode(plot).length;
            }
            long end = System.nanoTime();
            System.out.printf("round %d, %d plots: ImageIO %d ms, %,d bytes; PngEncoder %d ms, %,d bytes%n", round,
                    plots.size(), (middle - start) / 1_000_000, imageIoBytes, (end - middle) / 1_000_000, ownBytes);
        }
    }

    /** Every PNG under the site, as the RGB pictures they were drawn as. */
    private static List<BufferedImage> plots(Path site) throws IOException {
        List<BufferedImage> plots = new ArrayList<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                BufferedImage read = ImageIO.read(file.toFile());
                BufferedImage rgb = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(read, 0, 0, null);
                plots.add(rgb);
            }
        }
        if (plots.isEmpty()) {
            throw new IOException("no PNG file under " + site);
        }
        return plots;
    }

    private static byte[] imageIo(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
