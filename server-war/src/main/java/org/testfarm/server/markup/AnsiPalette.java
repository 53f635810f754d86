package org.testfarm.server.markup;

/**
 * The 256 colours of SGR 30–37, 90–97, 38;5;n (and their backgrounds): 16 system
 * colours chosen to read well on the dark terminal blocks of the pages, the 6×6×6
 * colour cube and the 24 greys of xterm. Pages style them with the classes
 * {@code fN} (foreground) and {@code gN} (background) of {@link #css()}, so no
 * inline style is needed and the content security policy stays strict; a
 * truecolor (24-bit) colour is shown as its nearest palette colour.
 */
public final class AnsiPalette {

    private static final int[] SYSTEM = {
        0x1e1e1e, 0xe5534b, 0x57ab5a, 0xc69026, 0x539bf5, 0xb083f0, 0x39c5cf, 0xc5c5c5,
        0x6e7681, 0xff7b72, 0x7ee787, 0xe3b341, 0x79c0ff, 0xd2a8ff, 0x56d4dd, 0xffffff,
    };
    private static final int[] CUBE_LEVELS = {0, 95, 135, 175, 215, 255};

    private AnsiPalette() {}

    /** The RGB value of palette colour {@code index} (0–255). */
    public static int rgb(int index) {
        if (index < 16) {
            return SYSTEM[index];
        }
        if (index < 232) {
            int cube = index - 16;
            return CUBE_LEVELS[cube / 36] << 16 | CUBE_LEVELS[cube / 6 % 6] << 8 | CUBE_LEVELS[cube % 6];
        }
        int grey = 8 + 10 * (index - 232);
        return grey << 16 | grey << 8 | grey;
    }

    /** The palette colour nearest to a 24-bit colour: the nearest of the cube and of the greys. */
    public static int nearest(int red, int green, int blue) {
        int r = clamp(red);
        int g = clamp(green);
        int b = clamp(blue);
        int cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
        int average = (r + g + b) / 3;
        int greyStep = Math.max(0, Math.min(23, Math.round((average - 8) / 10f)));
        int grey = 232 + greyStep;
        return distance(rgb(cube), r, g, b) <= distance(rgb(grey), r, g, b) ? cube : grey;
    }

    private static int level(int value) {
        int best = 0;
        for (int i = 1; i < CUBE_LEVELS.length; i++) {
            if (Math.abs(CUBE_LEVELS[i] - value) < Math.abs(CUBE_LEVELS[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    private static int distance(int rgb, int r, int g, int b) {
        int dr = (rgb >> 16 & 0xff) - r;
        int dg = (rgb >> 8 & 0xff) - g;
        int db = (rgb & 0xff) - b;
        return dr * dr + dg * dg + db * db;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The style sheet of the colour classes, for {@code static/ansi.css}. */
    public static String css() {
        StringBuilder css = new StringBuilder(32 * 1024)
                .append("/* TestFarm: the terminal colours of output and info blocks (generated). */\n");
        for (int i = 0; i < 256; i++) {
            String colour = String.format("#%06x", rgb(i));
            css.append(".term .f").append(i).append("{color:").append(colour).append("}\n");
            css.append(".term .g").append(i).append("{background:").append(colour).append("}\n");
        }
        return css.toString();
    }
}
