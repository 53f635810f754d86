package org.testfarm.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Whole-file writes that readers never see half done: write a temporary file
 * beside the target, force it to disk, rename it over the target, then force the
 * directory so the rename itself survives a crash. Nothing here fails because the
 * calling thread was interrupted: stream I/O ignores interrupts, and a force that
 * an interrupt cut short is done again.
 */
final class AtomicFile {

    private AtomicFile() {}

    static void write(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(content);
                out.getFD().sync();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /** Makes directory entries (new files, renames) durable. */
    static void forceDirectory(Path dir) throws IOException {
        try {
            force(dir, StandardOpenOption.READ, true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; their renames are durable on their own.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /** Forces (data only) those of {@code files} that exist. */
    static void forceAll(Path... files) throws IOException {
        for (Path file : files) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                force(file, StandardOpenOption.WRITE, false);
            }
        }
    }

    /**
     * Forces a file or directory through a channel of its own; an interrupt closes
     * only that channel, so the force is done again and the interrupt kept.
     */
    static void force(Path path, StandardOpenOption mode, boolean metadata) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try (FileChannel channel = FileChannel.open(path, mode)) {
                    channel.force(metadata);
                    return;
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
