package org.testfarm.server.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data sharing archive of the JVM a generation is handed to, the
 * {@link GenerationJvm} (JDK only: it sits at the WAR root beside {@link Bootstrap}).
 *
 * <p>That JVM loads about four thousand classes, most of them before the first page
 * can be rendered; from an archive of them made by an earlier run, it maps them
 * instead of reading, parsing and verifying each (see BENCHMARKS.md). The first
 * one-off generation of a WAR on a JVM writes the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}, about a second more, once); later runs use it
 * ({@code -XX:SharedArchiveFile}). The archive lives in the WAR's unpacked copy,
 * private to its user, and is named after the JVM and its base archive; it holds
 * the child's class path, the jars of that copy, and is only valid with it (a class
 * path that names a directory gets no archive: the JVM archives classes from jars
 * only). It is written under a temporary name, tried by a JVM that must
 * map it ({@code -Xshare:on}) with that class path, and only then renamed into place;
 * a run that crashes while using it removes it, so the next run makes it again.
 * The JVM's own messages about the archive are silenced: it is an optimization.
 *
 * <p>Nothing is archived or used when the {@code java} command chose its own sharing
 * options, or with {@code --watch}, {@code --help} or {@code --version} (a run that
 * loads few of the classes, or never exits); a watching generator still uses an
 * archive made before.
 */
final class ClassArchive {

    private static final List<String> OWN_SHARING_OPTIONS = List.of("-Xshare", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:SharedClassListFile");
    private static final List<String> NOT_ARCHIVED_WITH = List.of("--watch", "--help", "-h", "--version", "-V");
    /** A JVM crashing on a fatal error exits with SIGABRT's status. */
    private static final int CRASHED = 134;
    private static final long TRIAL_SECONDS = 60;
    /** An archive takes about 15 MB; with less than this free, none is written. */
    private static final long ROOM_NEEDED = 256L << 20;

    private static final ClassArchive NONE = new ClassArchive(null, null, null);

    /** The child's class path (the jars of the WAR's unpacked copy), which the archive is valid for. */
    private final String classPath;
    /** Where the archive is, or is to be; null when none is used or written. */
    private final Path archive;
    /** Where this run writes one as it exits, to be renamed to {@link #archive}; null when it uses one. */
    private final Path written;

    private ClassArchive(String classPath, Path archive, Path written) {
        this.classPath = classPath;
        this.archive = archive;
        this.written = written;
    }

    /**
     * What to do for a child running {@code args} from {@code classPath}, the jars of
     * {@code copy} (a WAR's unpacked copy), under a JVM given {@code jvmOptions}.
     */
    static ClassArchive forChild(Path copy, List<Path> classPath, List<String> jvmOptions, List<String> args) {
        return forChild(copy, classPath, jvmOptions, args, ROOM_NEEDED);
    }

    /**
     * The same, writing an archive only where {@code roomNeeded} bytes are free: a JVM
     * that cannot write its archive at exit fails ("Unable to use shared archive"), and
     * the generation it ran with it.
     */
    static ClassArchive forChild(Path copy, List<Path> classPath, List<String> jvmOptions, List<String> args,
            long roomNeeded) {
        if (GenerationJvm.startsWithAny(jvmOptions, OWN_SHARING_OPTIONS)) {
            return NONE;
        }
        for (Path entry : classPath) {
            if (!Files.isRegularFile(entry)) {
                return NONE; // the JVM archives classes from jars only
            }
        }
        String path = Bootstrap.joined(classPath);
        Path archive = copy.resolve(name());
        if (Files.isRegularFile(archive)) {
            return new ClassArchive(path, archive, null);
        }
        if (!Collections.disjoint(args, NOT_ARCHIVED_WITH) || !room(copy, roomNeeded)) {
            return NONE;
        }
        return new ClassArchive(path, archive,
                archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp"));
    }

    /** Whether the file system of {@code folder} (or of its nearest existing parent) has that much room. */
    private static boolean room(Path folder, long needed) {
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.isDirectory(at)) {
                try {
                    return Files.getFileStore(at).getUsableSpace() >= needed;
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The archive's file name: a digest of the JVM it was written by and of that JVM's
     * base archive, which it extends. (The class path it holds is in the copy beside it.)
     */
    static String name() {
        Path home = Path.of(System.getProperty("java.home"));
        StringBuilder key = new StringBuilder(System.getProperty("java.vm.version")).append('\n').append(home);
        Path base = home.resolve("lib/server/classes.jsa");
        try {
            key.append('\n').append(Files.size(base)).append('\n').append(Files.getLastModifiedTime(base).toMillis());
        } catch (IOException e) {
            key.append("\nno base archive");
        }
        return "generate-" + Integer.toHexString(key.toString().hashCode()) + ".jsa";
    }

    /** The options the child is started with. */
    List<String> options() {
        List<String> options = new ArrayList<>();
        if (archive == null) {
            return options;
        }
        options.add(written != null ? "-XX:ArchiveClassesAtExit=" + written : "-XX:SharedArchiveFile=" + archive);
        // classes it cannot archive (compiled for Java 5, say) are reported one by one as warnings
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        return options;
    }

    /** After the child exited with {@code code}: keeps the archive it wrote if sound, drops one it crashed on. */
    void finish(int code) {
        try {
            if (written == null && archive != null && code == CRASHED) {
                Files.deleteIfExists(archive);
            }
            if (written == null || !Files.isRegularFile(written)) {
                return;
            }
            if (code == 0 && maps(written, classPath)) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the next run tries again
        } finally {
            try {
                if (written != null) {
                    Files.deleteIfExists(written);
                }
            } catch (IOException e) {
                // left in the WAR's copy, removed with it
            }
        }
    }

    /**
     * Whether a JVM that must use {@code candidate} starts with the class path it was
     * written for. Its crash report, if any, goes beside the candidate and is removed,
     * not into the working directory.
     */
    static boolean maps(Path candidate, String classPath) {
        Path crashReport = candidate.resolveSibling(candidate.getFileName() + ".crash");
        List<String> command = List.of(GenerationJvm.java(),
                "-Xshare:on", "-XX:SharedArchiveFile=" + candidate, "-XX:ErrorFile=" + crashReport,
                "-XX:-CreateCoredumpOnCrash", "-Xlog:disable", "-cp", classPath, "-version");
        try {
            Process trial = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!trial.waitFor(TRIAL_SECONDS, TimeUnit.SECONDS)) {
                trial.destroyForcibly();
                return false;
            }
            return trial.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            try {
                Files.deleteIfExists(crashReport);
            } catch (IOException e) {
                // left in the WAR's copy, removed with it
            }
        }
    }
}
