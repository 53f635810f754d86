package org.testfarm.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The indicator as a program, in child JVMs: without a display, on a display
 * without a tray, and on a virtual display with a real system tray (trayer),
 * where its icon is photographed into {@code target/tray-*.png}.
 */
@Timeout(180)
class TrayIndicatorTest {

    static Process java(Map<String, String> env, boolean noDisplay, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (noDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        builder.environment().putAll(env);
        return builder.start();
    }

    static String text(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutUrlsItPrintsUsageAndExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TrayIndicator.run(new String[0], System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(TrayIndicator.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("testfarm-tray: give the page or feed URL of one"
                + " project or more (usage: testfarm-tray [--interval SECONDS] [--browser COMMAND] URL...)"
                + System.lineSeparator());
    }

    @Test
    void withoutADisplayItSaysSoInOneLineAndExitsNonZero() throws Exception {
        Process tray = java(Map.of(), true, TrayIndicator.class.getName(), "http://127.0.0.1:9/demo/");

        assertThat(tray.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tray.exitValue()).isEqualTo(TrayIndicator.NO_TRAY);
        assertThat(text(tray.getErrorStream()).lines().toList()).singleElement().asString()
                .startsWith("testfarm-tray: there is no display");
    }

    @Test
    void onADisplayWithoutATrayItSaysSoInOneLineAndExitsNonZero() throws Exception {
        try (VirtualDisplay display = VirtualDisplay.start()) {
            Process tray = java(Map.of("DISPLAY", display.display()), false, TrayIndicator.class.getName(),
                    "http://127.0.0.1:9/demo/");

            assertThat(tray.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tray.exitValue()).isEqualTo(TrayIndicator.NO_TRAY);
            assertThat(text(tray.getErrorStream()).lines().toList()).singleElement().asString()
                    .startsWith("testfarm-tray: this desktop has no system tray");
        }
    }

    @Test
    void inARealTrayTheIconGoesFromCalmToBurningWithABalloonThenGreyWhenTheFarmIsGone() throws Exception {
        Path shots = Files.createDirectories(Path.of("target").toAbsolutePath());
        try (VirtualDisplay display = VirtualDisplay.start()) {
            display.startTray();
            FeedServer server = new FeedServer("demo");
            server.serve(FeedServer.feed("demo", null));
            Process tray = java(Map.of("DISPLAY", display.display()), false, TrayScreenshots.class.getName(),
                    shots.toString(), server.pageUrl("demo"));
            List<String> said = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(tray.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    said.add(line);
                    if (line.equals("SHOT CALM")) {
                        server.serve(FeedServer.feed("demo", "linux"));
                    } else if (line.equals("SHOT BURNING")) {
                        server.close();
                    }
                }
            } finally {
                server.close();
            }
            assertThat(tray.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(said).as(text(tray.getErrorStream())).containsExactly("SHOT CALM",
                    "BALLOON demo/linux is red: failed unit tests", "SHOT BURNING", "SHOT UNREACHABLE");
            assertThat(tray.exitValue()).isZero();
        }
        // the icon sits in the screen's top right corner: the upper half of each look
        // (sky and roof; the balloon may cover the lower half)
        assertThat(iconColours(shots.resolve("tray-calm.png"))).anyMatch(c -> c.getBlue() > 150 && c.getBlue() > c.getRed() + 40);
        assertThat(iconColours(shots.resolve("tray-calm.png"))).noneMatch(TrayPartsTest::flame);
        assertThat(iconColours(shots.resolve("tray-burning.png"))).anyMatch(TrayPartsTest::flame);
        assertThat(iconColours(shots.resolve("tray-unreachable.png"))).noneMatch(TrayPartsTest::coloured);
    }

    /** The colours of the upper half of the tray icon in a screenshot: 24 x 14 pixels at the top right. */
    static List<Color> iconColours(Path screenshot) throws IOException {
        BufferedImage image = ImageIO.read(screenshot.toFile());
        List<Color> colours = new ArrayList<>();
        for (int y = 0; y < 14; y++) {
            for (int x = image.getWidth() - 24; x < image.getWidth(); x++) {
                colours.add(new Color(image.getRGB(x, y)));
            }
        }
        return colours;
    }
}
