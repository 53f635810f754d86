package org.testfarm.jython;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starting Jython means loading some thousands of classes; an AppCDS archive of
 * them (made by the JVM itself, once) halves the start-up time or better. A JVM
 * flag cannot be set from inside the jar, so the launcher re-runs {@code java}
 * with {@code -XX:SharedArchiveFile} and waits for it, passing its exit status
 * on. The first run of a given jar on a given JVM creates the archive in
 * {@code $XDG_CACHE_HOME/testfarm} (or {@code ~/.cache/testfarm}).
 *
 * <p>No re-run when {@code TESTFARM_V1_FAST_START=off}, when not started from a
 * jar, or when the cache folder cannot be written: the script then runs in this
 * JVM, only slower to start.
 */
final class FastStart {

    /** Set in the re-run JVM, so that it runs the script instead of re-running again. */
    static final String CHILD = "testfarm.v1.relaunched";
    static final String SWITCH = "TESTFARM_V1_FAST_START";
    /** The hidden argument of the training run the archive is made from. */
    static final String TRAIN = "--train-class-archive";

    private FastStart() {
    }

    /** The re-run JVM's exit status, or null to run the script in this JVM. */
    static Integer relaunch(List<String> scriptArgs) {
        if (System.getProperty(CHILD) != null || "off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return null;
        }
        Optional<Path> jar = ownJar();
        Optional<Path> cache = cacheFolder();
        if (jar.isEmpty() || cache.isEmpty()) {
            return null;
        }
        Path archive = cache.get().resolve(archiveName(jar.get()));
        if (!Files.isRegularFile(archive)) {
            train(jar.get(), cache.get(), archive);
        }
        List<String> command = java(jar.get());
        if (Files.isRegularFile(archive)) {
            command.add(1, "-XX:SharedArchiveFile=" + archive);
        }
        Path library = libraryCopy(archive);
        if (Files.isRegularFile(library)) {
            command.add(1, "-D" + StandardLibrary.PROPERTY + "=" + library);
        }
        command.addAll(scriptArgs);
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return null;
        }
        Signals.ignoreInterrupt();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        return waitFor(child);
    }

    /**
     * Makes the archive once per jar build and JVM, and publishes it atomically:
     * a short quiet run of the v1 modules (its own home folder, nothing printed)
     * lists the classes it loads, then the JVM dumps them into a static archive.
     * (A static archive, unlike one made at exit, also takes Jython's many
     * pre-Java-6 classes.)
     */
    private static void train(Path jar, Path cache, Path archive) {
        String stem = archive.getFileName() + "." + ProcessHandle.current().pid();
        Path classList = cache.resolve(stem + ".classes");
        Path fresh = cache.resolve(stem + ".tmp");
        Path home = null;
        try {
            home = Files.createTempDirectory("testfarm-training-home");
            List<String> training = java(jar);
            training.add(1, "-XX:DumpLoadedClassList=" + classList);
            training.add(1, "-Duser.home=" + home);
            training.add(TRAIN);
            List<String> dump = new ArrayList<>(List.of(javaProgram(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + fresh,
                    "-cp", jar.toString()));
            if (quietly(training, home) && quietly(dump, home)) {
                StandardLibrary.copy(jar, libraryCopy(archive));
                keep(fresh, archive);
            }
        } catch (IOException | InterruptedException e) {
            // no archive this time: the script still runs, only slower to start
        } finally {
            if (home != null) {
                deleteTree(home);
            }
            for (Path leftover : List.of(classList, fresh)) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException ignored) {
                    // a stray temporary file in the cache folder
                }
            }
        }
    }

    /** Beside the archive: the copy of the jar's {@code Lib/} (see {@link StandardLibrary}). */
    static Path libraryCopy(Path archive) {
        String name = archive.getFileName().toString();
        return archive.resolveSibling(name.substring(0, name.length() - ".jsa".length()) + ".lib.zip");
    }

    /** Runs {@code command} with no input or output; whether it ended well within two minutes. */
    private static boolean quietly(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).directory(directory.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static String javaProgram() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java [inherited options] [fast-start options] -cp JAR Launcher}; options go in at index 1. */
    private static List<String> java(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaProgram());
        command.addAll(inheritedOptions());
        command.add("-Xshare:auto");
        // the JVM's remarks about what it could not archive are no business of the script's output
        command.add("-Xlog:disable");
        command.add("-Xlog:all=error:stderr");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-D" + CHILD + "=true");
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        return command;
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover folder in the temporary folder
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // only the child decides when it is over
            }
        }
    }

    /** Publishes a newly written archive under its final name, atomically; drops it otherwise. */
    private static void keep(Path fresh, Path archive) {
        try {
            if (Files.isRegularFile(fresh) && Files.size(fresh) > 0) {
                try {
                    Files.move(fresh, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(fresh, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                dropStale(archive);
            }
        } catch (IOException ignored) {
            // another run published one meanwhile, or the cache is read-only: next time then
        } finally {
            try {
                Files.deleteIfExists(fresh);
            } catch (IOException ignored) {
                // a stray temporary file in the cache folder
            }
        }
    }

    /**
     * One archive per jar build and JVM, as it is only valid for exactly those:
     * {@code v1-<jar path hash>-<build and JVM hash>.jsa}.
     */
    static String archiveName(Path jar) {
        long size;
        long modified;
        try {
            size = Files.size(jar);
            modified = Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            size = 0;
            modified = 0;
        }
        String build = size + "|" + modified + "|" + System.getProperty("java.vm.version") + "|"
                + System.getProperty("java.home");
        return archivePrefix(jar) + Integer.toHexString(build.hashCode()) + ".jsa";
    }

    private static String archivePrefix(Path jar) {
        return "v1-" + Integer.toHexString(jar.toAbsolutePath().toString().hashCode()) + "-";
    }

    /** Archives of earlier builds of the same jar are of no use any more. */
    private static void dropStale(Path archive) {
        String name = archive.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        String library = libraryCopy(archive).getFileName().toString();
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(archive.getParent(), prefix + "*")) {
            for (Path old : stale) {
                String oldName = old.getFileName().toString();
                boolean ours = oldName.endsWith(".jsa") || oldName.endsWith(".lib.zip");
                if (ours && !oldName.equals(name) && !oldName.equals(library)) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // left for next time
        }
    }

    /** The JVM options this launcher was started with ({@code -Dx=y} say), minus class-data ones. */
    private static List<String> inheritedOptions() {
        List<String> options = new ArrayList<>();
        List<String> all = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        for (String argument : all) {
            if (argument.equals("-jar") || argument.equals("-cp") || argument.equals("-classpath")
                    || argument.equals(Launcher.class.getName())) {
                break;
            }
            if (argument.startsWith("-") && !argument.startsWith("-XX:SharedArchiveFile")
                    && !argument.startsWith("-XX:ArchiveClassesAtExit") && !argument.startsWith("-Xshare")
                    && !argument.startsWith("-XX:DumpLoadedClassList") && !argument.startsWith("-XX:SharedClassListFile")) {
                options.add(argument);
            }
        }
        return options;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().toLowerCase(Locale.ROOT).endsWith(".jar")
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path folder = base.resolve("testfarm");
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder) ? Optional.of(folder) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
