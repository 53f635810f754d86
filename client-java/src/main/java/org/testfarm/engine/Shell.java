package org.testfarm.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The program that runs command lines: {@code /bin/sh -c} on Unix, {@code cmd /c}
 * on Windows. A POSIX shell also reports the directory it ends in (through an
 * EXIT trap that leaves the exit status and the output alone), which is how a
 * {@code cd} carries over to the next command.
 */
public final class Shell {

    private final String program;
    private final String flag;
    private final boolean posix;

    private Shell(String program, String flag, boolean posix) {
        this.program = Objects.requireNonNull(program, "program");
        this.flag = flag;
        this.posix = posix;
    }

    /** {@code /bin/sh -c}. */
    public static Shell posix() {
        return new Shell("/bin/sh", "-c", true);
    }

    /** Another POSIX shell, such as {@code /bin/bash}, run with {@code -c}. */
    public static Shell posix(Path program) {
        return new Shell(program.toString(), "-c", true);
    }

    /** {@code cmd /c}; it does not report its final directory, so a cd stays within its command. */
    public static Shell windows() {
        return new Shell("cmd.exe", "/c", false);
    }

    /** The shell of the platform this JVM runs on. */
    public static Shell platform() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? windows() : posix();
    }

    /** Whether {@link #arguments} can write the final directory to a file. */
    public boolean reportsDirectory() {
        return posix;
    }

    /**
     * The program and arguments that run {@code line}; when {@code directoryFile}
     * is not null (POSIX only), the shell writes its final directory there on exit.
     */
    List<String> arguments(String line, Path directoryFile) {
        if (!posix || directoryFile == null) {
            return List.of(program, flag, line);
        }
        String action = "pwd >" + quoted(directoryFile.toString()) + " 2>/dev/null";
        // same line as the command, so the shell's messages keep saying "line 1"
        return List.of(program, flag, "trap " + quoted(action) + " EXIT; " + line);
    }

    /** A single-quoted word for a POSIX shell, whatever {@code text} holds. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return program + " " + flag;
    }
}
