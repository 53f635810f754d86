package org.testfarm.server.feed;

import org.testfarm.state.ClientState;
import org.testfarm.state.Doing;

/**
 * {@code <client>-badge.svg}: a two-part badge, the client's name and its last
 * build status ("passing", "failing", "unknown"; "stale" when it stopped reporting).
 * Text widths are estimated from character classes, so no font is needed.
 */
public record StatusBadge(String label, String message, String colour, int labelWidth, int width,
                          double labelX, double messageX, String title) {

    public static final String TEMPLATE = "feed/badge.vm";
    private static final int PADDING = 6;

    public static StatusBadge of(ClientState client) {
        String message;
        String colour;
        switch (client.status()) {
            case GREEN -> {
                message = "passing";
                colour = "#2da44e";
            }
            case RED -> {
                message = "failing";
                colour = "#cf222e";
            }
            default -> {
                message = "unknown";
                colour = "#8c959f";
            }
        }
        if (client.doing() == Doing.OLD && client.newest().isPresent()) {
            message = message + ", stale";
        }
        int labelWidth = textWidth(client.name()) + 2 * PADDING;
        int messageWidth = textWidth(message) + 2 * PADDING;
        return new StatusBadge(client.name(), message, colour, labelWidth, labelWidth + messageWidth,
                labelWidth / 2.0, labelWidth + messageWidth / 2.0, client.ref() + ": " + message);
    }

    /** About the width of a text in 11px DejaVu Sans / Verdana. */
    static int textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("ijlI.,:;'|!() ft[]".indexOf(c) >= 0) {
                width += 3.6;
            } else if ("mwMW@%".indexOf(c) >= 0) {
                width += 10;
            } else if (Character.isUpperCase(c) || Character.isDigit(c) || "-_+=#&".indexOf(c) >= 0) {
                width += 7.4;
            } else {
                width += 6.6;
            }
        }
        return (int) Math.ceil(width);
    }
}
