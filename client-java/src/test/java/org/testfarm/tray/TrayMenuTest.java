package org.testfarm.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray icon's menu, chosen item by item in a child JVM on a virtual display
 * with a real system tray ({@link TrayMenuDriver}): Open runs the system's
 * browser launcher ({@code xdg-open}, here a script on the PATH that writes down
 * its argument) with the project's page; Pause polling stops the requests to the
 * real feed server until it is chosen again; Quit ends the program.
 */
@Timeout(180)
class TrayMenuTest {

    @TempDir
    Path tmp;

    VirtualDisplay display;
    FeedServer demo;
    FeedServer other;
    Process tray;
    Writer choices;
    final BlockingQueue<String> said = new LinkedBlockingQueue<>();

    @BeforeEach
    void startTheIndicator() throws Exception {
        display = VirtualDisplay.start();
        display.startTray();
        demo = new FeedServer("demo");
        demo.serve(FeedServer.feed("demo", null));
        other = new FeedServer("other");
        other.serve(FeedServer.feed("other", null));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path xdgOpen = Files.writeString(bin.resolve("xdg-open"),
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + tmp.resolve("opened.txt") + "'\n");
        Files.setPosixFilePermissions(xdgOpen, PosixFilePermissions.fromString("rwxr-xr-x"));
        tray = TrayIndicatorTest.java(Map.of("DISPLAY", display.display(),
                        "PATH", bin + java.io.File.pathSeparator + System.getenv("PATH")), false,
                TrayMenuDriver.class.getName(), demo.pageUrl("demo"), other.pageUrl("other"));
        choices = new java.io.OutputStreamWriter(tray.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(tray.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    said.add(line);
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }, "tray-driver-stdout");
        reader.setDaemon(true);
        reader.start();
        awaitLine("READY");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (tray != null) {
            tray.destroyForcibly();
            tray.waitFor(10, TimeUnit.SECONDS);
        }
        if (demo != null) {
            demo.close();
            other.close();
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void openItems_runTheBrowserLauncherWithEachProjectsPage() throws Exception {
        choose("Open " + other.pageUrl("other"));
        await(() -> lines(tmp.resolve("opened.txt")).size() == 1, "xdg-open to be run");
        choose("Open " + demo.pageUrl("demo"));
        await(() -> lines(tmp.resolve("opened.txt")).size() == 2, "xdg-open to be run again");

        assertThat(lines(tmp.resolve("opened.txt"))).containsExactly(other.pageUrl("other"), demo.pageUrl("demo"));
        assertThat(said).noneMatch(line -> line.startsWith("NOTE cannot open"));
    }

    @Test
    void pausePolling_stopsTheRequestsToTheServer_untilItIsChosenAgain() throws Exception {
        await(() -> demo.requests() >= 2 && other.requests() >= 2, "polls every 100 ms");

        choose("Pause polling");
        awaitNoRequestFor(1000); // a poll under way when the item was chosen may still finish
        int demoPaused = demo.requests();
        int otherPaused = other.requests();
        Thread.sleep(2000); // twenty polling intervals

        assertThat(demo.requests()).isEqualTo(demoPaused);
        assertThat(other.requests()).isEqualTo(otherPaused);

        choose("Pause polling");
        await(() -> demo.requests() >= demoPaused + 2 && other.requests() >= otherPaused + 2,
                "polling to resume");
    }

    @Test
    void quit_endsTheProgramAndItsPolling() throws Exception {
        choices.write("CHOOSE Quit\n");
        choices.flush();

        assertThat(tray.waitFor(30, TimeUnit.SECONDS)).as("the indicator quits").isTrue();
        assertThat(tray.exitValue()).isZero();
        int requests = demo.requests();
        Thread.sleep(500);
        assertThat(demo.requests()).isEqualTo(requests);
    }

    /** Waits (15 s at most) until neither server has had a request for {@code quietMillis}. */
    private void awaitNoRequestFor(long quietMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            int before = demo.requests() + other.requests();
            Thread.sleep(quietMillis);
            if (demo.requests() + other.requests() == before) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the feeds are still polled every " + quietMillis + " ms after the pause");
            }
        }
    }

    private void choose(String label) throws Exception {
        choices.write("CHOOSE " + label + "\n");
        choices.flush();
        awaitLine("CHOSE " + label);
    }

    private void awaitLine(String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = said.poll(100, TimeUnit.MILLISECONDS);
            if (wanted.equals(line)) {
                return;
            }
            if (line == null && !tray.isAlive()) {
                break;
            }
        }
        throw new AssertionError("the indicator did not say " + wanted + "; stderr: "
                + (tray.isAlive() ? "(still running)" : TrayIndicatorTest.text(tray.getErrorStream())));
    }

    /** Waits (20 s at most) until {@code condition} holds. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
