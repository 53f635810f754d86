package org.testfarm.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's write-ahead log, with group commit. Every event is appended here
 * before it is acknowledged; one {@code fsync} makes the records of all the
 * writers waiting at that moment durable at once, so concurrent clients share
 * their fsyncs. The per-execution files are written without fsync and made
 * durable at checkpoints ({@link #rotate}), after which the old segment is deleted.
 *
 * <p>Each process owns its segment and holds a lock on it; a segment nobody holds
 * belongs to a process that died, and is replayed by the next one to open the store.
 */
final class CommitLog implements Closeable {

    static final String PREFIX = "wal-";
    static final String SUFFIX = ".log";

    /**
     * A segment file and the lock that says a live process owns it. Writes go
     * through {@link RandomAccessFile}, whose I/O a thread interrupt cannot close
     * (an interrupted {@code FileChannel} would close for every writer).
     */
    record Segment(Path path, RandomAccessFile file, FileLock lock) implements Closeable {

        /**
         * {@code fdatasync} through a channel of its own: an interrupt of the calling
         * thread closes only that channel, never the file writers use, and the
         * force is then done again (an interrupt is not an I/O error).
         */
        void forceData() throws IOException {
            AtomicFile.force(path, StandardOpenOption.WRITE, false);
        }

        @Override
        public void close() throws IOException {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                file.close();
            }
        }
    }

    private final Path dir;
    private final long preallocate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition syncDone = lock.newCondition();
    private Segment current;
    private Segment spare;
    private long segmentBytes;
    private long written;
    private long durable;
    private boolean syncing;
    private boolean closing;
    private IOException broken;
    private Set<Path> dirty = new HashSet<>();

    /**
     * @param preallocate bytes of zeros a segment is given before use, so appends do
     *                    not grow the file and a sync ({@code fdatasync}) writes data only
     */
    CommitLog(Path dir, long preallocate) throws IOException {
        this.dir = dir;
        this.preallocate = preallocate;
        Files.createDirectories(dir);
        this.current = create(dir, 0);
    }

    private static Segment create(Path dir, long zeros) throws IOException {
        Path path = dir.resolve(PREFIX + UUID.randomUUID() + SUFFIX);
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        FileLock fileLock = file.getChannel().tryLock();
        if (fileLock == null) {
            file.close();
            throw new IOException("cannot lock the new log segment " + path);
        }
        Segment segment = new Segment(path, file, fileLock);
        try {
            if (zeros > 0) {
                byte[] block = new byte[64 * 1024];
                for (long done = 0; done < zeros; done += block.length) {
                    file.write(block);
                }
                file.getFD().sync();
                file.seek(0);
            }
            AtomicFile.forceDirectory(dir);
        } catch (IOException e) {
            // e.g. a full disk: leave neither an open file nor its zeros behind (the next try makes another)
            try {
                delete(segment);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        return segment;
    }

    /** The old segment of a checkpoint and the files its records were written to. */
    record Checkpoint(Segment segment, Set<Path> files) {}

    /**
     * Appends one record and returns the position that must be durable before
     * acknowledging it. {@code written} are the files the caller has already written
     * the same data to (without fsync): the checkpoint that retires this record
     * forces them first.
     */
    long append(byte[] record, Collection<Path> writtenTo) {
        lock.lock();
        try {
            failIfBroken();
            dirty.addAll(writtenTo);
            long start = segmentBytes;
            try {
                current.file().write(record);
            } catch (IOException e) {
                undoPartialWrite(start, e);
                throw new StoreException("cannot append to the write-ahead log: " + e.getMessage(), e);
            }
            segmentBytes += record.length;
            written += record.length;
            return written;
        } finally {
            lock.unlock();
        }
    }

    private void undoPartialWrite(long start, IOException cause) {
        try {
            current.file().setLength(start);
            current.file().seek(start);
        } catch (IOException again) {
            broken = cause;
        }
    }

    /** The position of everything appended so far. */
    long position() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once everything up to {@code position} is on disk. The first waiter
     * forces the file ({@code fdatasync}) for all the records written by then; the
     * writers arriving meanwhile wait and share the next force (group commit).
     */
    void awaitDurable(long position) {
        lock.lock();
        try {
            while (durable < position) {
                failIfBroken();
                if (syncing) {
                    syncDone.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long target = written;
                Segment segment = current;
                lock.unlock();
                IOException failure = null;
                try {
                    segment.forceData();
                } catch (IOException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    syncing = false;
                }
                if (failure == null) {
                    durable = Math.max(durable, target);
                } else {
                    // After a failed fsync the kernel may have dropped the dirty pages: never retry.
                    broken = failure;
                }
                syncDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    long segmentBytes() {
        lock.lock();
        try {
            return segmentBytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Switches to a new segment and returns the old one with the files its records
     * went to. The caller forces those files, then deletes the old segment.
     */
    Checkpoint rotate() throws IOException {
        lock.lock();
        try {
            failIfBroken();
            while (syncing) {
                syncDone.awaitUninterruptibly();
            }
            Segment old = current;
            old.file().getFD().sync();
            durable = written;
            syncDone.signalAll();
            current = spare != null ? spare : create(dir, 0);
            spare = null;
            segmentBytes = 0;
            Set<Path> files = dirty;
            dirty = new HashSet<>();
            return new Checkpoint(old, files);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Prepares the next segment, zero-filled, once the current one is in real use;
     * called off the request path (by the checkpoint thread).
     */
    void prepareSpare() throws IOException {
        lock.lock();
        try {
            if (spare != null || preallocate <= 0 || segmentBytes == 0) {
                return;
            }
        } finally {
            lock.unlock();
        }
        Segment made = create(dir, preallocate);
        lock.lock();
        try {
            if (spare == null && !closing) {
                spare = made;
                made = null;
            }
        } finally {
            lock.unlock();
        }
        if (made != null) {
            delete(made);
        }
    }

    static void delete(Segment segment) throws IOException {
        segment.close();
        Files.deleteIfExists(segment.path());
    }

    private void failIfBroken() {
        if (broken != null) {
            throw new StoreException("the write-ahead log failed earlier and refuses writes until restart: "
                    + broken.getMessage(), broken);
        }
    }

    /** Segments left by processes that are gone, locked for the caller to replay and delete. */
    static List<Segment> orphans(Path dir) throws IOException {
        List<Segment> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path path : entries) {
                RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
                FileLock taken;
                try {
                    taken = file.getChannel().tryLock();
                } catch (OverlappingFileLockException e) {
                    taken = null; // held by another store in this very process
                }
                if (taken == null) {
                    file.close();
                } else {
                    found.add(new Segment(path, file, taken));
                }
            }
        }
        found.sort((a, b) -> Long.compare(lastModified(a.path()), lastModified(b.path())));
        return found;
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The intact records of a segment, up to the first torn or damaged one. */
    static List<String> records(Segment segment) throws IOException {
        byte[] data = Files.readAllBytes(segment.path());
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                String literal = JournalLine.decode(data, start, i);
                if (literal == null) {
                    break;
                }
                out.add(literal);
                start = i + 1;
            }
        }
        return out;
    }

    /** Closes this process's segment; the caller has made its data durable elsewhere first. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closing = true;
            syncDone.signalAll();
            delete(current);
            if (spare != null) {
                delete(spare);
            }
        } finally {
            lock.unlock();
        }
    }
}
