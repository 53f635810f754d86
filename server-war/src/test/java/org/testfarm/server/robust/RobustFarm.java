package org.testfarm.server.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * What the robustness scenarios share: registering the clients that report (the
 * one place that decides how a test client is registered), the webapp to serve,
 * how long a scenario runs, and snapshots of a directory tree.
 */
public final class RobustFarm {

    /** The unpacked webapp the in-process servers deploy. */
    public static final Path WEBAPP = Path.of("src/main/webapp");

    private RobustFarm() {}

    /**
     * Registers {@code clients} (and their projects) in the tree at {@code logs}, as
     * the admin's {@code addproject}/{@code addclient} do. Every scenario registers its
     * clients here and nowhere else.
     */
    public static void register(Path logs, Collection<ClientRef> clients) {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            for (ClientRef client : clients) {
                if (!store.hasProject(client.project())) {
                    store.createProject(client.project(), Map.of());
                }
                if (!store.hasClient(client)) {
                    store.createClient(client, Map.of());
                }
            }
        }
        KeyRing keys = KeyRing.of(logs);
        for (ClientRef client : clients) {
            keys.legacyUnsigned(client, true); // the scenarios send unsigned, as deployed Python clients do
        }
    }

    /** True when the soak profile runs ({@code -Dtestfarm.soak=true}): the long versions. */
    public static boolean soak() {
        return Boolean.getBoolean("testfarm.soak");
    }

    /** {@code quick} in {@code mvn verify}, {@code soak} in the soak profile; a system property wins over both. */
    public static int scale(String property, int quick, int soak) {
        return Integer.getInteger(property, soak() ? soak : quick);
    }

    /**
     * What the tree at {@code root} holds ({@link #snapshot}), but the store's
     * write-ahead log segments, which its checkpoint thread rotates on a timer.
     */
    public static Map<String, String> treeSnapshot(Path root) {
        Map<String, String> entries = snapshot(root);
        entries.keySet().removeIf(path -> path.equals(".testfarm") || path.matches("\\.testfarm/wal-[^/]*\\.log"));
        return entries;
    }

    /** Deletes the tree at {@code root}, files first. */
    public static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and directory under {@code root} (not following links) with its size and modification time. */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    entries.put(root.relativize(path).toString(), (attributes.isDirectory() ? "dir " : "file ")
                            + attributes.size() + " " + attributes.lastModifiedTime());
                } catch (IOException e) {
                    entries.put(root.relativize(path).toString(), "gone meanwhile");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
