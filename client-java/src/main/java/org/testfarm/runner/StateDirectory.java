package org.testfarm.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

import org.testfarm.TestFarmException;
import org.testfarm.event.ClientRef;
import org.testfarm.store.Names;

/**
 * Where a client keeps its own state on the machine it runs on, by default
 * {@code ~/.testfarm/<project>/<client>/}:
 * <ul>
 * <li>{@code paused}: while this file exists the client checks and reports idle
 *     but runs nothing; create or remove it by hand, or with {@link #pause()} and
 *     {@link #resume()} (the CLI's {@code --pause} and {@code --resume});</li>
 * <li>{@code lock}: held by the running instance, with its process id;</li>
 * <li>{@code spool/}: reports waiting for the server to be reachable again;</li>
 * <li>{@code last-execution}: the id of the last execution started, so that ids
 *     stay unique across restarts within a second.</li>
 * </ul>
 */
public final class StateDirectory {

    static final String PAUSED = "paused";
    static final String LOCK = "lock";
    static final String SPOOL = "spool";
    static final String LAST_EXECUTION = "last-execution";

    private final Path root;

    public StateDirectory(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** {@code ~/.testfarm/<project>/<client>/}. */
    public static StateDirectory defaultFor(ClientRef client) {
        Path home = Path.of(System.getProperty("user.home"));
        return new StateDirectory(home.resolve(".testfarm")
                .resolve(Names.check("project", client.project()))
                .resolve(Names.check("client", client.client())));
    }

    public Path root() {
        return root;
    }

    /** The marker file whose presence pauses the client. */
    public Path pausedMarker() {
        return root.resolve(PAUSED);
    }

    public Path lockFile() {
        return root.resolve(LOCK);
    }

    /** The directory of the remote logger's offline spool. */
    public Path spool() {
        return root.resolve(SPOOL);
    }

    public boolean isPaused() {
        return Files.exists(pausedMarker());
    }

    /** Pauses the client (any running instance too, from its next check on). */
    public void pause() {
        try {
            Files.createDirectories(root);
            if (!Files.exists(pausedMarker())) {
                Files.writeString(pausedMarker(), "Remove this file, or run the client with --resume, to resume.\n");
            }
        } catch (IOException e) {
            throw new TestFarmException("cannot pause: cannot write " + pausedMarker() + ": " + e.getMessage(), e);
        }
    }

    /** Resumes a paused client; nothing happens to one that is not paused. */
    public void resume() {
        try {
            Files.deleteIfExists(pausedMarker());
        } catch (IOException e) {
            throw new TestFarmException("cannot resume: cannot remove " + pausedMarker() + ": " + e.getMessage(), e);
        }
    }

    /** The id of the last execution this client started here, if it wrote one. */
    public Optional<String> lastExecution() {
        try {
            return Optional.of(Files.readString(root.resolve(LAST_EXECUTION)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Notes the id of an execution that starts, so that the next process's ids
     * come after it even within the same second.
     */
    public void recordExecution(String id) {
        try {
            Files.createDirectories(root);
            Path temporary = root.resolve(LAST_EXECUTION + ".tmp");
            Files.writeString(temporary, id + "\n");
            Files.move(temporary, root.resolve(LAST_EXECUTION), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TestFarmException("cannot write " + root.resolve(LAST_EXECUTION) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes the lock that lets one instance at a time run this client.
     *
     * @throws ClientLockedException when another instance holds it
     */
    public ClientLock lock() {
        return ClientLock.acquire(lockFile());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
