package org.testfarm.server.markup;

/**
 * The graphic rendition a terminal would be in: intensity, italic, underline,
 * strike-through, reverse video and two palette colours (-1: the default). It
 * applies SGR parameters and names itself as the classes of one span.
 */
final class SgrState {

    private static final int DEFAULT = -1;

    private boolean bold;
    private boolean faint;
    private boolean italic;
    private boolean underline;
    private boolean strike;
    private boolean reverse;
    private int foreground = DEFAULT;
    private int background = DEFAULT;

    boolean isDefault() {
        return !bold && !faint && !italic && !underline && !strike && !reverse
                && foreground == DEFAULT && background == DEFAULT;
    }

    /**
     * Applies the parameters of one {@code ESC [ ... m}: {@code params[i]} is the
     * value of parameter i (-1 when empty), {@code colon[i]} whether it was joined
     * to the previous one by ':' (a sub-parameter).
     */
    void apply(int[] params, boolean[] colon, int count) {
        if (count == 0) {
            reset();
            return;
        }
        int i = 0;
        while (i < count) {
            int p = Math.max(params[i], 0);
            int next = i + 1;
            int subs = 0;
            while (next + subs < count && colon[next + subs]) {
                subs++;
            }
            if ((p == 38 || p == 48) && subs > 0) {
                setExtended(p, params, next, subs, true);
                i = next + subs;
                continue;
            }
            if (p == 38 || p == 48) {
                i = next + setExtended(p, params, next, count - next, false);
                continue;
            }
            simple(p, subs > 0 ? params[next] : -1);
            i = next + subs;
        }
    }

    /**
     * Sets a 38/48 colour from the parameters after it ({@code 5;n} or {@code 2;r;g;b},
     * or with colons {@code 5:n}, {@code 2:r:g:b}, {@code 2:space:r:g:b}); returns how many it used.
     */
    private int setExtended(int which, int[] params, int from, int available, boolean colons) {
        if (available < 1) {
            return 0;
        }
        int mode = params[from];
        int colour;
        int used;
        if (mode == 5 && available >= 2) {
            colour = params[from + 1] >= 0 && params[from + 1] <= 255 ? params[from + 1] : DEFAULT;
            used = 2;
        } else if (mode == 2 && available >= 4) {
            int first = colons && available >= 5 ? from + 2 : from + 1;
            colour = AnsiPalette.nearest(params[first], params[first + 1], params[first + 2]);
            used = first + 3 - from;
        } else {
            // incomplete: the rest of the sequence is its arguments
            return available;
        }
        if (colour != DEFAULT) {
            if (which == 38) {
                foreground = colour;
            } else {
                background = colour;
            }
        }
        return used;
    }

    private void simple(int p, int sub) {
        switch (p) {
            case 0 -> reset();
            case 1 -> bold = true;
            case 2 -> faint = true;
            case 3 -> italic = true;
            case 4 -> underline = sub != 0;
            case 7 -> reverse = true;
            case 9 -> strike = true;
            case 21 -> underline = true;
            case 22 -> {
                bold = false;
                faint = false;
            }
            case 23 -> italic = false;
            case 24 -> underline = false;
            case 27 -> reverse = false;
            case 29 -> strike = false;
            case 39 -> foreground = DEFAULT;
            case 49 -> background = DEFAULT;
            default -> colour(p);
        }
    }

    private void colour(int p) {
        if (p >= 30 && p <= 37) {
            foreground = p - 30;
        } else if (p >= 40 && p <= 47) {
            background = p - 40;
        } else if (p >= 90 && p <= 97) {
            foreground = p - 90 + 8;
        } else if (p >= 100 && p <= 107) {
            background = p - 100 + 8;
        }
        // anything else (blink, fonts, frames...) changes nothing shown
    }

    private void reset() {
        bold = false;
        faint = false;
        italic = false;
        underline = false;
        strike = false;
        reverse = false;
        foreground = DEFAULT;
        background = DEFAULT;
    }

    /** The classes of a span in this state; reverse video swaps the colours, defaults included. */
    String classes() {
        StringBuilder out = new StringBuilder(24);
        int fg = reverse ? background : foreground;
        int bg = reverse ? foreground : background;
        if (reverse) {
            out.append(fg == DEFAULT ? " fr" : " f" + fg).append(bg == DEFAULT ? " gr" : " g" + bg);
        } else {
            if (fg != DEFAULT) {
                out.append(" f").append(fg);
            }
            if (bg != DEFAULT) {
                out.append(" g").append(bg);
            }
        }
        if (bold) {
            out.append(" b");
        }
        if (faint) {
            out.append(" d");
        }
        if (italic) {
            out.append(" i");
        }
        if (underline) {
            out.append(strike ? " us" : " u");
        } else if (strike) {
            out.append(" s");
        }
        return out.substring(1);
    }
}
