package org.testfarm.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.testfarm.TestFarmException;

/**
 * The lock that lets one instance of a client run at a time: an operating-system
 * lock on a file that holds the owner's process id. The system releases the lock
 * when its process dies, so a lock file left by a dead instance is simply taken
 * over ({@link #previousHolder()} tells whose it was).
 */
public final class ClientLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private ClientLock(Path file, FileChannel channel, FileLock lock, String previousHolder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the lock on {@code file}, creating it and its directory.
     *
     * @throws ClientLockedException when another instance, in this process or another, holds it
     */
    public static ClientLock acquire(Path file) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            String written = read(channel);
            if (lock == null) {
                channel.close();
                throw new ClientLockedException(file, written.isEmpty() ? "unknown" : written);
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(true);
            return new ClientLock(file, channel, lock, written.isEmpty() ? null : written);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TestFarmException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
    }

    public Path file() {
        return file;
    }

    /** The process id a dead instance left in the lock file, when this lock took it over. */
    public Optional<String> previousHolder() {
        return Optional.ofNullable(previousHolder);
    }

    /** Releases the lock and empties the file (it stays, for the next instance to lock). */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held any more
            }
        }
    }
}
