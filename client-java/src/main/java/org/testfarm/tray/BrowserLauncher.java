package org.testfarm.tray;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the indicator opens a project's page. {@link #system()} is the real one;
 * tests and embedders may give their own to {@link TrayIndicator#start}.
 */
@FunctionalInterface
public interface BrowserLauncher {

    /**
     * Shows {@code page} in a web browser, without waiting for the browser.
     *
     * @throws IOException when there is no browser to open, saying why
     */
    void open(URI page) throws IOException;

    /**
     * The desktop's browser: {@code xdg-open} when it is on the PATH (the
     * freedesktop.org way, which follows the user's choice of browser on Linux
     * and BSD), otherwise Java's desktop browse action (Windows, macOS, GNOME).
     */
    static BrowserLauncher system() {
        return page -> {
            Path xdgOpen = onPath("xdg-open");
            if (xdgOpen != null) {
                command(List.of(xdgOpen.toString())).open(page);
                return;
            }
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page);
                return;
            }
            throw new IOException("no web browser: xdg-open is not on the PATH and Java cannot browse on this desktop");
        };
    }

    /**
     * Runs {@code command} (a program and its first arguments) with the page's
     * URL as its last argument, without waiting for it. The program's standard
     * input is closed at once, so one that reads it sees its end instead of
     * waiting for ever; what it prints is discarded, so it never blocks on a full
     * pipe; and Java reaps it when it ends, so no zombie and no open pipe stays
     * behind, however many pages are opened.
     *
     * @throws IllegalArgumentException when {@code command} is empty
     */
    static BrowserLauncher command(List<String> command) {
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the browser command is empty");
        }
        List<String> program = List.copyOf(command);
        return page -> {
            List<String> line = new ArrayList<>(program);
            line.add(page.toString());
            Process process = new ProcessBuilder(line)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
        };
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return Path.of(directory, program);
            }
        }
        return null;
    }
}
