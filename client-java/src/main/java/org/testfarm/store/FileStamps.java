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
        return of(attributesOrNull(files));
    }

    /** The stamp of files whose attributes were read already; null for a missing file. */
    static long of(BasicFileAttributes... found) {
        long stamp = SEED;
        for (BasicFileAttributes attributes : found) {
            stamp = mix(stamp, attributes == null ? -1L : attributes.size());
            Instant time = attributes == null ? null : attributes.lastModifiedTime().toInstant();
            stamp = mix(stamp, time == null ? -1L : time.getEpochSecond() * 1_000_000_000L + time.getNano());
        }
        return stamp;
    }

    /** The latest modification time of the files that exist. */
    static Optional<Instant> lastModified(Path... files) {
        return lastModified(attributesOrNull(files));
    }

    /** The same of files whose attributes were read already; null for a missing file. */
    static Optional<Instant> lastModified(BasicFileAttributes... found) {
        Instant last = null;
        for (BasicFileAttributes attributes : found) {
            Instant modified = attributes == null ? null : attributes.lastModifiedTime().toInstant();
            if (modified != null && (last == null || modified.isAfter(last))) {
                last = modified;
            }
        }
        return Optional.ofNullable(last);
    }

    /** What a stat of the file (not of a link's target) says, null if it is missing. */
    static BasicFileAttributes attributesOrNull(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static BasicFileAttributes[] attributesOrNull(Path... files) {
        BasicFileAttributes[] found = new BasicFileAttributes[files.length];
        for (int i = 0; i < files.length; i++) {
            found[i] = attributesOrNull(files[i]);
        }
        return found;
    }

    /**
     * The same for a file that is often missing, such as the journal of an execution
     * this server did not take (most of an upstream tree): it is first looked for
     * by a stat that throws nothing, as the exception of a missing file costs more
     * than that stat (a link to nothing then counts as missing).
     */
    static BasicFileAttributes attributesIfPresent(Path file) {
        return file.toFile().exists() ? attributesOrNull(file) : null;
    }

    private static long mix(long stamp, long value) {
        long out = stamp;
        for (int shift = 0; shift < 64; shift += 8) {
            out = (out ^ ((value >>> shift) & 0xff)) * PRIME;
        }
        return out;
    }
}
