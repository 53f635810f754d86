package org.testfarm.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.testfarm.TestFarmException;

/**
 * The TestFarm tray indicator: an icon in the desktop's system tray showing how
 * the watched projects' farms are (see {@link FarmIcon}), polling their JSON
 * feeds; a balloon names each client that turns red; its menu opens the
 * projects' pages, pauses polling, quits.
 *
 * <pre>
 * java -cp client-java.jar:... org.testfarm.tray.TrayIndicator [--interval SECONDS] [--browser COMMAND] URL...
 * </pre>
 *
 * Each URL is a project page ({@code http://farm.example.org/myproject/}) or its
 * feed ({@code .../myproject/testfarm-data.js}). {@code --browser} names the
 * program (with its first arguments, separated by spaces) that opens pages,
 * instead of the {@linkplain BrowserLauncher#system() system's browser}. Without
 * a display or a system tray it says so in one line and exits with
 * {@value #NO_TRAY}.
 */
public final class TrayIndicator implements AutoCloseable {

    public static final int USAGE = 2;
    public static final int NO_TRAY = 3;

    private final List<ProjectFeed> feeds;
    private final FeedReader reader = new FeedReader(Duration.ofSeconds(5));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "testfarm-tray-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final TrayIcon icon;
    private final Consumer<String> notes;
    private final BrowserLauncher browser;
    private volatile boolean paused;
    private volatile FarmLook look;
    private volatile String lastBalloon;

    private TrayIndicator(List<ProjectFeed> feeds, TrayIcon icon, Consumer<String> notes, BrowserLauncher browser) {
        this.feeds = List.copyOf(feeds);
        this.icon = icon;
        this.notes = notes;
        this.browser = browser;
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the indicator from a command line; returns 0 once it runs, or the exit code of a failure. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<ProjectFeed> feeds = new ArrayList<>();
        Duration interval = Duration.ofSeconds(60);
        BrowserLauncher browser = BrowserLauncher.system();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--interval") && i + 1 < args.length) {
                    interval = Duration.ofMillis(Math.round(Double.parseDouble(args[++i]) * 1000));
                } else if (args[i].equals("--browser") && i + 1 < args.length) {
                    browser = BrowserLauncher.command(List.of(args[++i].strip().split("\\s+")));
                } else if (args[i].equals("--help") || args[i].startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                } else {
                    feeds.add(ProjectFeed.of(args[i]));
                }
            }
            if (feeds.isEmpty() || interval.toMillis() < 100) {
                throw new IllegalArgumentException("give the page or feed URL of one project or more");
            }
        } catch (IllegalArgumentException e) {
            err.println("testfarm-tray: " + e.getMessage()
                    + " (usage: testfarm-tray [--interval SECONDS] [--browser COMMAND] URL...)");
            return USAGE;
        }
        try {
            start(feeds, interval, out::println, browser);
            return 0;
        } catch (NoTrayException e) {
            err.println("testfarm-tray: " + e.getMessage());
            return NO_TRAY;
        }
    }

    /**
     * Puts the icon in the tray and polls every {@code interval}; its menu opens
     * pages in the {@linkplain BrowserLauncher#system() system's browser}.
     *
     * @throws NoTrayException when there is no display or no system tray
     */
    public static TrayIndicator start(List<ProjectFeed> feeds, Duration interval, Consumer<String> notes) {
        return start(feeds, interval, notes, BrowserLauncher.system());
    }

    /**
     * Puts the icon in the tray and polls every {@code interval}; its menu opens
     * pages with {@code browser}.
     *
     * @throws NoTrayException when there is no display or no system tray
     */
    public static TrayIndicator start(List<ProjectFeed> feeds, Duration interval, Consumer<String> notes,
                                      BrowserLauncher browser) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new NoTrayException("there is no display (DISPLAY is not set, or Java runs headless),"
                    + " so there is no system tray to show the farm in");
        }
        TrayIcon icon;
        try {
            if (!SystemTray.isSupported()) {
                throw new NoTrayException("this desktop has no system tray (start one, such as trayer or"
                        + " your panel's notification area, then try again)");
            }
            SystemTray tray = SystemTray.getSystemTray();
            int size = Math.max(16, tray.getTrayIconSize().height);
            icon = new TrayIcon(FarmIcon.render(FarmLook.Mood.UNREACHABLE, size), "TestFarm: first look...");
            tray.add(icon);
        } catch (AWTException | Error e) {
            throw new NoTrayException("cannot use the system tray: " + e.getMessage());
        }
        TrayIndicator indicator = new TrayIndicator(feeds, icon, notes, browser);
        indicator.buildMenu();
        indicator.poller.scheduleWithFixedDelay(indicator::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return indicator;
    }

    private void buildMenu() {
        PopupMenu menu = new PopupMenu();
        for (ProjectFeed feed : feeds) {
            MenuItem open = new MenuItem("Open " + feed.page());
            open.addActionListener(e -> browse(feed.page()));
            menu.add(open);
        }
        menu.addSeparator();
        CheckboxMenuItem pause = new CheckboxMenuItem("Pause polling");
        pause.addItemListener(e -> paused = pause.getState());
        menu.add(pause);
        MenuItem quit = new MenuItem("Quit");
        quit.addActionListener(e -> {
            close();
            System.exit(0);
        });
        menu.add(quit);
        icon.setPopupMenu(menu);
        icon.addActionListener(e -> browse(feeds.get(0).page()));
    }

    private void browse(URI page) {
        try {
            browser.open(page);
        } catch (IOException | RuntimeException e) {
            notes.accept("cannot open the page " + page + ": " + e.getMessage());
        }
    }

    /** The icon's menu: an Open item per project, Pause polling (a check box), Quit. */
    PopupMenu menu() {
        return icon.getPopupMenu();
    }

    /** Reads every feed once and shows the result; does nothing while paused. */
    void poll() {
        if (paused) {
            return;
        }
        List<ProjectSummary> summaries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProjectFeed feed : feeds) {
            try {
                summaries.add(reader.read(feed));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        show(FarmLook.of(summaries, problems));
    }

    private void show(FarmLook now) {
        FarmLook before = look;
        look = now;
        List<String> newlyRed = now.newlyRed(before);
        EventQueue.invokeLater(() -> {
            if (before == null || before.mood() != now.mood()) {
                icon.setImage(FarmIcon.render(now.mood(), icon.getSize().height));
            }
            icon.setToolTip(now.tooltip());
            if (!newlyRed.isEmpty()) {
                List<String> lines = newlyRed.stream().map(now::balloon).toList();
                lastBalloon = String.join("\n", lines);
                icon.displayMessage("TestFarm: " + (lines.size() == 1 ? "a client is red" : lines.size()
                        + " clients are red"), lastBalloon, TrayIcon.MessageType.ERROR);
            }
        });
        if (before == null || !before.tooltip().equals(now.tooltip())) {
            notes.accept(now.tooltip());
        }
    }

    /** The last look, null before the first poll. */
    public FarmLook look() {
        return look;
    }

    /** The text of the last balloon shown, null if none. */
    public String lastBalloon() {
        return lastBalloon;
    }

    public void pause(boolean value) {
        paused = value;
    }

    /** Stops polling and takes the icon out of the tray. */
    @Override
    public void close() {
        poller.shutdownNow();
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    /** There is no display, or no system tray on it. */
    public static final class NoTrayException extends TestFarmException {
        NoTrayException(String message) {
            super(message);
        }
    }
}
