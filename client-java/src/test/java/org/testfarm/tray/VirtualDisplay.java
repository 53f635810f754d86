package org.testfarm.tray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * An X display for a test: {@code Xvfb} on the first free display number (it
 * tells which), optionally with {@code trayer}, a panel holding a system tray.
 * Tests are skipped, saying why, when the programs are not installed.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;
    private final List<Process> clients = new ArrayList<>();

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    static void assumeInstalled(String program, String pkg) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", program)),
                program + " is not installed (apt-get install " + pkg + "): this test needs it");
    }

    static VirtualDisplay start() throws IOException {
        assumeInstalled("Xvfb", "xvfb");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "640x240x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not say which display it took");
        }
        return new VirtualDisplay(xvfb, ":" + number.strip());
    }

    String display() {
        return display;
    }

    /** Starts trayer, a system tray, at the top right, and gives it a moment to take the tray's selection. */
    void startTray() throws IOException, InterruptedException {
        assumeInstalled("trayer", "trayer");
        ProcessBuilder trayer = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                "pixel", "--width", "160", "--heighttype", "pixel", "--height", "32", "--tint", "0xdddddd",
                "--transparent", "true", "--alpha", "0").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        trayer.environment().put("DISPLAY", display);
        clients.add(trayer.start());
        Thread.sleep(2000);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process client : clients) {
            client.destroy();
            client.waitFor(5, TimeUnit.SECONDS);
        }
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
