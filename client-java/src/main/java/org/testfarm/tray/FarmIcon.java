package org.testfarm.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

import org.testfarm.tray.FarmLook.Mood;

/**
 * The indicator's icons, drawn with Java2D at any size: a barn on its field
 * under a blue sky with a sun when the farm is calm; the barn charred, under a
 * smoky sky, with flames from its roof when a client is red; all in grey when
 * the farm cannot be reached. Drawn on a 32-unit grid and scaled.
 */
public final class FarmIcon {

    private FarmIcon() {
    }

    /** The icon of {@code mood}, {@code size} pixels square, with a transparent corner. */
    public static BufferedImage render(Mood mood, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 32.0, size / 32.0);
            Palette p = Palette.of(mood);
            RoundRectangle2D frame = new RoundRectangle2D.Double(0, 0, 32, 32, 9, 9);
            g.setPaint(new GradientPaint(0, 0, p.skyTop, 0, 24, p.skyBottom));
            g.fill(frame);
            g.setClip(frame);
            if (mood == Mood.CALM) {
                g.setColor(new Color(0xFFD54F));
                g.fill(new Ellipse2D.Double(23, 2.5, 6.5, 6.5));
            }
            g.setColor(p.ground);
            g.fill(new Rectangle2D.Double(0, 24, 32, 8));
            barn(g, p);
            if (mood == Mood.BURNING) {
                flame(g, 10.5, 13, 5.5, 12);
                flame(g, 19.5, 12, 6.5, 11.5);
                flame(g, 15, 9.5, 5, 9);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void barn(Graphics2D g, Palette p) {
        Path2D body = new Path2D.Double();
        body.moveTo(7, 15);
        body.lineTo(16, 8);
        body.lineTo(25, 15);
        body.lineTo(25, 27);
        body.lineTo(7, 27);
        body.closePath();
        g.setColor(p.wall);
        g.fill(body);
        g.setColor(p.roof);
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D roof = new Path2D.Double();
        roof.moveTo(5.5, 15.5);
        roof.lineTo(16, 7);
        roof.lineTo(26.5, 15.5);
        g.draw(roof);
        g.setColor(p.door);
        g.fill(new Rectangle2D.Double(12.5, 18.5, 7, 8.5));
        g.setColor(p.trim);
        g.setStroke(new BasicStroke(1.1f));
        g.draw(new Line2D.Double(12.5, 18.5, 19.5, 27));
        g.draw(new Line2D.Double(19.5, 18.5, 12.5, 27));
        g.draw(new Rectangle2D.Double(12.5, 18.5, 7, 8.5));
    }

    /** A flame whose base is centred at ({@code x}, {@code base}), {@code width} wide, {@code height} tall. */
    private static void flame(Graphics2D g, double x, double base, double width, double height) {
        g.setColor(new Color(0xFF5722));
        g.fill(tongue(x, base, width, height));
        g.setColor(new Color(0xFFC107));
        g.fill(tongue(x, base, width * 0.55, height * 0.6));
    }

    private static Path2D tongue(double x, double base, double width, double height) {
        double half = width / 2;
        Path2D path = new Path2D.Double();
        path.moveTo(x - half, base);
        path.curveTo(x - half * 1.3, base - height * 0.45, x - half * 0.2, base - height * 0.6, x, base - height);
        path.curveTo(x + half * 0.3, base - height * 0.55, x + half * 1.3, base - height * 0.45, x + half, base);
        path.quadTo(x, base + width * 0.35, x - half, base);
        path.closePath();
        return path;
    }

    /** The colours of a mood. */
    private record Palette(Color skyTop, Color skyBottom, Color ground, Color wall, Color roof, Color door,
                           Color trim) {
        static Palette of(Mood mood) {
            return switch (mood) {
                case CALM -> new Palette(new Color(0x4FA3E0), new Color(0xB3E0FF), new Color(0x43A047),
                        new Color(0xC8874E), new Color(0x5D3A1A), new Color(0x7A4A22), new Color(0xF3E5C8));
                case BURNING -> new Palette(new Color(0x3E2723), new Color(0xBF360C), new Color(0x4E342E),
                        new Color(0x4A3327), new Color(0x211510), new Color(0x2B1B12), new Color(0x8D6E63));
                case UNREACHABLE -> new Palette(new Color(0x9E9E9E), new Color(0xD0D0D0), new Color(0x7C7C7C),
                        new Color(0xB0B0B0), new Color(0x5F5F5F), new Color(0x8A8A8A), new Color(0xE0E0E0));
            };
        }
    }
}
