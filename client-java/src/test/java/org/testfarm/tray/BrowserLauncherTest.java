package org.testfarm.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.testfarm.tray.TrayMenuTest.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser command run by {@link BrowserLauncher#command}: a real shell script
 * that reads its standard input to the end and prints a lot before it writes
 * down the page it was given, as some launchers do.
 */
@Timeout(120)
class BrowserLauncherTest {

    static final int PAGES = 20;

    @TempDir
    Path tmp;

    final Set<Long> childrenBefore = children();

    @AfterEach
    void endLeftOverChildren() {
        ProcessHandle.current().children().filter(child -> !childrenBefore.contains(child.pid()))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void launcherThatReadsItsInputAndPrintsMuch_endsAndIsReaped_leavingNoOpenPipe() throws Exception {
        Path opened = tmp.resolve("opened");
        Files.createDirectory(opened);
        Path script = script("cat > /dev/null\n"
                + "head -c 1000000 /dev/zero\n"
                + "head -c 1000000 /dev/zero >&2\n"
                + "printf '%s\\n' \"$1\" > '" + opened + "'/\"$$\"\n");
        BrowserLauncher launcher = BrowserLauncher.command(List.of(script.toString()));
        long descriptorsBefore = openDescriptors();

        for (int page = 0; page < PAGES; page++) {
            launcher.open(URI.create("http://farm.example.org/project-" + page + "/"));
        }

        await(() -> fileCount(opened) == PAGES, "every launcher to read its input to the end and write the page down");
        await(() -> children().stream().allMatch(childrenBefore::contains), "every launcher to be reaped");
        try (Stream<Path> files = Files.list(opened)) {
            assertThat(files.map(BrowserLauncherTest::firstLine)).hasSize(PAGES)
                    .contains("http://farm.example.org/project-0/", "http://farm.example.org/project-19/");
        }
        assertThat(openDescriptors()).as("no pipe to a launcher stays open").isLessThan(descriptorsBefore + PAGES / 2);
    }

    @Test
    void missingOrEmptyCommandIsAClearError() {
        BrowserLauncher missing = BrowserLauncher.command(List.of(tmp.resolve("no-such-browser").toString()));

        assertThatThrownBy(() -> missing.open(URI.create("http://farm.example.org/")))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-browser");
        assertThatThrownBy(() -> BrowserLauncher.command(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the browser command is empty");
    }

    @Test
    void emptyBrowserOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TrayIndicator.run(new String[] {"--browser", " ", "http://farm.example.org/demo/"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(TrayIndicator.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("testfarm-tray: the browser command is empty");
    }

    private Path script(String body) throws IOException {
        Path script = Files.writeString(tmp.resolve("browser"), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    private static long fileCount(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> firstLine(file) != null).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? null : lines.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
