package org.testfarm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * Cheap change detection: a 64-bit stamp folded from the size and modification
 * time of files (a missing file counts too), and modification times alone.
 * Reading a stamp costs one {@code stat} per file and opens nothing.
 */
final class FileStamps {

    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FileStamps() {}

    static long of(Path... files) {
        long stamp = SEED;
        for (Path file : files) {
            Optional<BasicFileAttributes> attributes = attributes(file);
            stamp = mix(stamp, attributes.map(BasicFileAttributes::size).orElse(-1L));
            stamp = mix(stamp, attributes.map(a -> a.lastModifiedTime().toInstant())
                    .map(t -> t.getEpochSecond() * 1_000_000_000L + t.getNano()).orElse(-1L));
        }
        return stamp;
    }

    /** The latest modification time of the files that exist. */
    static Optional<Instant> lastModified(Path... files) {
        Instant last = null;
        for (Path file : files) {
            Optional<Instant> modified = attributes(file).map(a -> a.lastModifiedTime().toInstant());
            if (modified.isPresent() && (last == null || modified.get().isAfter(last))) {
                last = modified.get();
            }
        }
        return Optional.ofNullable(last);
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long mix(long stamp, long value) {
        long out = stamp;
        for (int shift = 0; shift < 64; shift += 8) {
            out = (out ^ ((value >>> shift) & 0xff)) * PRIME;
        }
        return out;
    }
}
