package org.testfarm.server.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What {@code java -jar testfarm.war} runs: with {@link ClassArchive}, the only classes at the WAR root, so it
 * may use nothing but the JDK.
 *
 * <p>It unpacks its own WAR once into a cache directory keyed by the WAR's size and
 * modification time (under {@code java.io.tmpdir}, or {@code -Dtestfarm.cache=DIR}),
 * builds a class loader over the embedded container ({@code META-INF/standalone/lib}),
 * the webapp's libraries and classes, and runs {@code org.testfarm.server.cli.Cli}
 * in it. Concurrent launches are safe: each unpacks into a private directory and
 * renames it into place atomically; the loser of a race uses the winner's copy.
 * Each JVM holds a shared lock on its copy ({@code war-*.lock} beside it) while it
 * runs, and removes the copies of other WARs that no JVM holds: upgrades do not
 * pile up copies. (A copy without a lock file was made by an older TestFarm, which
 * may still be running from it: it is left alone.)
 *
 * <p>{@code generate} is handed to another JVM ({@link GenerationJvm}), which runs it
 * from the jars of the unpacked copy while this JVM holds the copy for it.
 */
public final class Bootstrap {

    /** System property naming the unpacked WAR, read by the {@code serve} command. */
    public static final String EXPLODED_PROPERTY = "testfarm.war.exploded";
    /** System property overriding the cache directory. */
    static final String CACHE_PROPERTY = "testfarm.cache";
    static final String STANDALONE_LIB = "META-INF/standalone/lib";
    static final String CLI_CLASS = "org.testfarm.server.cli.Cli";

    private static final String COPY_PREFIX = "war-";
    private static final String LOCK_SUFFIX = ".lock";
    /** This JVM's hold on the copy it runs from, kept open while it runs. */
    private static java.nio.channels.FileChannel held;

    private static final String PARTIAL_PREFIX = "partial-";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private Bootstrap() {
    }

    public static void main(String[] args) throws Throwable {
        GenerationJvm.JvmOptions jvmOptions = GenerationJvm.generation(args) ? GenerationJvm.JvmOptions.read() : null;
        Path exploded;
        List<Path> classPath;
        try {
            Path war = ownWar();
            Path cache = cacheRoot();
            hold(copyOf(war, cache));
            exploded = explode(war, cache);
            removeUnused(cache, exploded);
            classPath = classPath(exploded);
        } catch (IOException | IllegalStateException e) {
            System.err.println("testfarm: cannot start from the WAR: " + e.getMessage());
            System.exit(1);
            return;
        }
        List<String> options = jvmOptions == null ? null : jvmOptions.get();
        if (options != null && !GenerationJvm.choosesItsJvm(options)) {
            Integer code = GenerationJvm.run(args, options, exploded, classPath);
            if (code != null) {
                System.exit(code);
                return;
            }
        }
        Method cliMain;
        try {
            System.setProperty(EXPLODED_PROPERTY, exploded.toString());
            List<URL> urls = new ArrayList<>();
            for (Path entry : classPath) {
                urls.add(entry.toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader("testfarm", urls.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            cliMain = Class.forName(CLI_CLASS, true, loader).getMethod("main", String[].class);
        } catch (IOException | IllegalStateException | ReflectiveOperationException e) {
            System.err.println("testfarm: cannot start from the WAR: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            cliMain.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The WAR (or jar) this class was loaded from. */
    static Path ownWar() {
        CodeSource source = Bootstrap.class.getProtectionDomain().getCodeSource();
        Path war;
        try {
            war = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell which file it was loaded from");
        }
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("run it as `java -jar testfarm.war`, not from " + war);
        }
        return war;
    }

    /** The per-user cache directory, created private to this user if missing. */
    static Path cacheRoot() throws IOException {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Files.createDirectories(Path.of(configured));
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "testfarm-" + user);
        try {
            if (posix(root.getParent())) {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(root);
            }
        } catch (FileAlreadyExistsException e) {
            checkPrivate(root);
        }
        return root;
    }

    /** Refuses a shared cache directory someone else could have planted classes in. */
    private static void checkPrivate(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(root + " is not a directory; remove it or set -D"
                    + CACHE_PROPERTY + "=DIR");
        }
        boolean othersMayWrite = posix(root) && !Collections.disjoint(
                Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS),
                Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
        if (!mine(Files.getOwner(root, LinkOption.NOFOLLOW_LINKS)) || othersMayWrite) {
            throw new IllegalStateException(root + " belongs to someone else or is writable by others;"
                    + " remove it or set -D" + CACHE_PROPERTY + "=DIR");
        }
    }

    /**
     * Whether this process's user is {@code owner}: on Linux the owner of {@code /proc/self}
     * says so with one stat; otherwise a probe file is made (which costs a temporary file
     * and seeding its random name, a twentieth of a second).
     */
    private static boolean mine(UserPrincipal owner) throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self) && Files.getOwner(self).equals(owner)) {
            return true;
        }
        Path probe = Files.createTempFile("testfarm-owner", ".probe");
        try {
            return Files.getOwner(probe).equals(owner);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Where the unpacked copy of {@code war} lives: named after its size and modification time. */
    static Path copyOf(Path war, Path cacheRoot) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(war, BasicFileAttributes.class);
        return cacheRoot.resolve(COPY_PREFIX + attributes.size() + "-" + attributes.lastModifiedTime().toMillis());
    }

    /**
     * The unpacked copy of {@code war} under {@code cacheRoot}: reused when present,
     * else unpacked into a private directory and renamed into place atomically.
     */
    static Path explode(Path war, Path cacheRoot) throws IOException {
        Path target = copyOf(war, cacheRoot);
        if (Files.isDirectory(target)) {
            return target;
        }
        removeAbandoned(cacheRoot);
        Path partial = Files.createTempDirectory(cacheRoot, PARTIAL_PREFIX);
        try {
            unzip(war, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw e;
            }
            // another launch renamed its complete copy into place first: use that one
        } finally {
            deleteTree(partial);
        }
        return target;
    }

    private static void unzip(Path archive, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = into.resolve(entry.getName()).normalize();
                if (!destination.startsWith(into)) {
                    throw new IOException(archive + " has an entry outside the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                if (entry.getTime() >= 0) {
                    Files.setLastModifiedTime(destination, FileTime.fromMillis(entry.getTime()));
                }
            }
        }
    }

    /**
     * Takes a shared lock on a copy before it is looked at or unpacked, kept while
     * this JVM runs; waits while another JVM removes that copy (it is then unpacked
     * anew).
     */
    static void hold(Path copy) throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockOf(copy),
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.CREATE);
        channel.lock(0, Long.MAX_VALUE, true);
        held = channel;
    }

    /**
     * Removes the copies of other WARs that no running JVM holds, and says how many.
     * Lock files stay (empty): removing one could let two JVMs lock different files
     * for the same copy.
     */
    static int removeUnused(Path cacheRoot, Path keep) {
        List<Path> copies = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(cacheRoot)) {
            for (Path c : children) {
                if (c.getFileName().toString().startsWith(COPY_PREFIX) && !c.equals(keep)
                        && Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(lockOf(c), LinkOption.NOFOLLOW_LINKS)) {
                    copies.add(c);
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return 0;
        }
        int removed = 0;
        for (Path copy : copies) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockOf(copy),
                    java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock lock = channel.tryLock()) {
                if (lock != null) {
                    deleteTree(copy);
                    removed++;
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // this JVM holds it
            } catch (IOException e) {
                // removed by another launch meanwhile, or not removable now: tried again at the next launch
            }
        }
        return removed;
    }

    private static Path lockOf(Path copy) {
        return copy.resolveSibling(copy.getFileName() + LOCK_SUFFIX);
    }

    /** Deletes unpacking directories left by launches that were killed long ago. */
    private static void removeAbandoned(Path cacheRoot) throws IOException {
        Instant before = Instant.now().minus(ABANDONED_AFTER);
        List<Path> abandoned = new ArrayList<>();
        try (Stream<Path> children = Files.list(cacheRoot)) {
            children.filter(child -> child.getFileName().toString().startsWith(PARTIAL_PREFIX))
                    .forEach(abandoned::add);
        }
        for (Path partial : abandoned) {
            try {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(before)) {
                    deleteTree(partial);
                }
            } catch (IOException e) {
                // a concurrent launch finished or removed it: nothing to clean
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The embedded container's jars, then the webapp's jars (its own classes among them:
     * the WAR is built so), then {@code WEB-INF/classes} if it holds anything.
     */
    static List<Path> classPath(Path exploded) throws IOException {
        Path container = exploded.resolve(STANDALONE_LIB);
        if (!Files.isDirectory(container)) {
            throw new IllegalStateException("this WAR has no embedded container (" + STANDALONE_LIB
                    + "); deploy it to a servlet container instead");
        }
        List<Path> entries = new ArrayList<>(jars(container));
        entries.addAll(jars(exploded.resolve("WEB-INF/lib")));
        Path classes = exploded.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(classes)) {
                if (children.iterator().hasNext()) {
                    entries.add(classes);
                }
            }
        }
        return entries;
    }

    private static List<Path> jars(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : children) {
                jars.add(jar);
            }
        }
        Collections.sort(jars);
        return jars;
    }

    /** A class path as the {@code java} command takes it. */
    static String joined(List<Path> classPath) {
        java.util.StringJoiner joined = new java.util.StringJoiner(java.io.File.pathSeparator);
        for (Path entry : classPath) {
            joined.add(entry.toString());
        }
        return joined.toString();
    }
}
