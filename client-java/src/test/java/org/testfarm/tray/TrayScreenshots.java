package org.testfarm.tray;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.io.File;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.testfarm.tray.FarmLook.Mood;

/**
 * Run in a child JVM on a virtual display by {@link TrayIndicatorTest}: starts the
 * indicator on a project and, each time the farm takes the next expected look
 * (calm, burning, grey), photographs the screen and says so on stdout, where
 * the test, which changes the feed in between, reads it.
 */
public final class TrayScreenshots {

    private TrayScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        TrayIndicator tray = TrayIndicator.start(List.of(ProjectFeed.of(args[1])), Duration.ofMillis(200), note -> { });
        for (Mood mood : Mood.values()) {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (tray.look() == null || tray.look().mood() != mood
                    || (mood == Mood.BURNING && tray.lastBalloon() == null)) {
                if (System.nanoTime() > end) {
                    System.out.println("TIMEOUT waiting for " + mood + ", look " + tray.look());
                    System.exit(1);
                }
                Thread.sleep(50);
            }
            Thread.sleep(1500); // the icon and the balloon are painted
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            ImageIO.write(new Robot().createScreenCapture(screen), "png",
                    new File(dir, "tray-" + mood.name().toLowerCase() + ".png"));
            if (mood == Mood.BURNING) {
                System.out.println("BALLOON " + tray.lastBalloon());
            }
            System.out.println("SHOT " + mood);
        }
        tray.close();
        System.exit(0);
    }
}
