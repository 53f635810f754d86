package org.testfarm.server.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Tomcat's base and work folder of one {@link EmbeddedServer}, a
 * {@code testfarm-tomcat-*} folder in the temporary directory, removed on stop.
 * Its process holds a lock on the {@value #LOCK} file inside as long as it runs;
 * the operating system releases it when the process dies, even by SIGKILL. So each
 * start first removes the folders whose lock nobody holds (left by a killed
 * server), and never touches the folder of a running one.
 */
final class WorkFolder implements AutoCloseable {

    static final String PREFIX = "testfarm-tomcat-";
    static final String LOCK = "testfarm-tomcat.lock";
    private static final Logger LOG = Logger.getLogger(WorkFolder.class.getName());
    /** The folders of this JVM's servers: never opened by a sweep, as closing a file drops the process's locks on it. */
    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockFile;

    private WorkFolder(Path root, FileChannel lockFile) {
        this.root = root;
        this.lockFile = lockFile;
    }

    /** Removes the folders of dead servers from the temporary directory, then makes and locks a new one. */
    static WorkFolder create() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(temp);
        Path root = Files.createTempDirectory(temp, PREFIX);
        OWN.add(root);
        FileChannel channel = null;
        try {
            // locked under another name, then renamed: a sweep finds the lock file only once it is held
            Path making = root.resolve(LOCK + ".new");
            channel = FileChannel.open(making, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new IOException("cannot lock " + making);
            }
            Files.move(making, root.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
            return new WorkFolder(root, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            delete(root);
            OWN.remove(root);
            throw e;
        }
    }

    Path root() {
        return root;
    }

    /** Removes the folder; its lock goes with it. */
    @Override
    public void close() {
        delete(root);
        try {
            lockFile.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the lock of " + root, e);
        }
        OWN.remove(root);
    }

    /** Each {@code testfarm-tomcat-*} folder of {@code temp} with a lock file that no process holds. */
    static void removeLeftovers(Path temp) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!OWN.contains(folder) && Files.isDirectory(folder)) {
                    removeIfAbandoned(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot look for the work folders of killed servers in " + temp, e);
        }
    }

    /** A folder without a lock file may be one being made, or a server's of an older version: kept. */
    private static void removeIfAbandoned(Path folder) {
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return; // a running server's
            }
            LOG.info(() -> "removing " + folder + ", the work folder of a server that is gone");
            delete(folder);
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            // no lock file, or one of this JVM
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + folder + ", the work folder of a server that is gone", e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot remove Tomcat's work directory " + root, e);
        }
    }
}
