package org.testfarm.tray;

import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM on a virtual display with a system tray by
 * {@link TrayMenuTest}: starts the indicator with the system's browser launcher
 * on the projects given, prints {@code READY} after the first look, then
 * chooses, for each line {@code CHOOSE <label>} read on stdin, the menu item of
 * the tray icon with that label, as a click on it would (a check box item
 * changes its state), and prints {@code CHOSE <label>}. Notes go to stdout as
 * {@code NOTE ...}.
 */
public final class TrayMenuDriver {

    private TrayMenuDriver() {
    }

    public static void main(String[] args) throws Exception {
        List<ProjectFeed> feeds = java.util.Arrays.stream(args).map(ProjectFeed::of).toList();
        TrayIndicator tray = TrayIndicator.start(feeds, Duration.ofMillis(100), note -> say("NOTE " + note),
                BrowserLauncher.system());
        while (tray.look() == null) {
            Thread.sleep(20);
        }
        say("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String label = line.substring("CHOOSE ".length());
            EventQueue.invokeAndWait(() -> choose(tray.menu(), label));
            say("CHOSE " + label);
        }
        tray.close();
        System.exit(0);
    }

    private static void choose(PopupMenu menu, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            if (!label.equals(item.getLabel())) {
                continue;
            }
            if (item instanceof CheckboxMenuItem box) {
                box.setState(!box.getState());
                box.dispatchEvent(new ItemEvent(box, ItemEvent.ITEM_STATE_CHANGED, label,
                        box.getState() ? ItemEvent.SELECTED : ItemEvent.DESELECTED));
            } else {
                item.dispatchEvent(new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand()));
            }
            return;
        }
        throw new IllegalArgumentException("no menu item " + label);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
