package org.testfarm.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;

/**
 * Where everything lives in a log tree (see spec/log-tree.md). Upstream files
 * keep their names; the files this store adds sit beside them:
 * {@code <execution>.events} (the appended events) and {@code .testfarm/} at the
 * root (the write-ahead log, and under {@code keys/} the server's master key and
 * how each client may report). Every name is checked to be one safe segment before
 * it becomes a path, and resolved paths are checked to stay under the root.
 */
final class TreeLayout {

    static final String METADATA = "metadata";
    static final String IDLE = "idle";
    static final String STATS = "stats";
    static final String NOTIFIED = "notified";
    static final String INFO_SUFFIX = ".info";
    static final String LOG_SUFFIX = ".log";
    static final String EVENTS_SUFFIX = ".events";
    static final String SERVICE_DIR = ".testfarm";
    static final String KEYS_DIR = "keys";

    private final Path root;
    /** Client folders already checked and resolved: every file of every execution starts from one. */
    private final java.util.Map<ClientRef, Path> clients = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CLIENTS_KEPT = 4096;

    TreeLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path serviceDir() {
        return root.resolve(SERVICE_DIR);
    }

    /** The server's private keys: {@code .testfarm/keys/}, never published. */
    Path keysDir() {
        return serviceDir().resolve(KEYS_DIR);
    }

    Path masterKey() {
        return keysDir().resolve("master.key");
    }

    /** How {@code ref} may report: {@code .testfarm/keys/<project>/<client>}. */
    Path clientAccess(ClientRef ref) {
        Path project = keysDir().resolve(Names.check("project", ref.project()));
        return inside(project.resolve(Names.check("client", ref.client())));
    }

    Path project(String project) {
        return inside(root.resolve(Names.check("project", project)));
    }

    Path projectMetadata(String project) {
        return project(project).resolve(METADATA);
    }

    Path client(ClientRef ref) {
        Path known = clients.get(ref);
        if (known == null) {
            known = inside(project(ref.project()).resolve(Names.check("client", ref.client())));
            if (clients.size() >= CLIENTS_KEPT) {
                clients.clear();
            }
            clients.put(ref, known);
        }
        return known;
    }

    Path clientMetadata(ClientRef ref) {
        return client(ref).resolve(METADATA);
    }

    Path idle(ClientRef ref) {
        return client(ref).resolve(IDLE);
    }

    Path stats(ClientRef ref) {
        return client(ref).resolve(STATS);
    }

    Path notified(ClientRef ref) {
        return client(ref).resolve(NOTIFIED);
    }

    Path info(ExecutionRef ref) {
        return execution(ref, INFO_SUFFIX);
    }

    Path upstreamLog(ExecutionRef ref) {
        return execution(ref, LOG_SUFFIX);
    }

    Path events(ExecutionRef ref) {
        return execution(ref, EVENTS_SUFFIX);
    }

    private Path execution(ExecutionRef ref, String suffix) {
        Names.check("execution", ref.execution());
        // a checked name is one segment not starting with '.': the file stays in the client's folder
        return client(ref.clientRef()).resolve(ref.execution() + suffix);
    }

    private Path inside(Path path) {
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new InvalidNameException("path", String.valueOf(path), "it leaves the log tree");
        }
        return normal;
    }

    /** The sub-folders of {@code dir} that hold a {@code metadata} file, sorted; symlinks are not followed. */
    static List<String> registeredIn(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Names.isValid(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(entry.resolve(METADATA), LinkOption.NOFOLLOW_LINKS)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The executions of a client folder: its {@code *.info} files, sorted by name.
     *
     * @param checked names (sorted) already seen to be regular files: they are not looked at again
     */
    static List<String> executionsIn(Path clientDir, List<String> checked) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(clientDir, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(clientDir)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                if (!file.endsWith(INFO_SUFFIX)) {
                    continue;
                }
                String name = file.substring(0, file.length() - INFO_SUFFIX.length());
                if (Names.isValid(name) && (Collections.binarySearch(checked, name) >= 0
                        || Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(names);
        return names;
    }
}
