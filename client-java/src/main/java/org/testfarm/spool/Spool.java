package org.testfarm.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A durable first-in first-out queue of records in one file: what a client
 * could not deliver yet. {@link #append} returns once the record is on disk
 * (fsync). Each record is framed as its length, a CRC-32 of its bytes and the
 * bytes, so a record torn by a crash is recognized on {@link #open} and cut off,
 * and everything before it kept.
 *
 * <p>Delivered records are skipped with {@link #removeHead()}, which moves a
 * separate read offset ({@code <file>.read}, replaced atomically); once all are
 * delivered both files are emptied. A crash at any point loses no record, at
 * worst one is delivered twice (receivers deduplicate). Thread-safe.
 */
public final class Spool implements Closeable {

    /** Framing: length (4 bytes) and CRC-32 (4 bytes) before each record. */
    static final int HEADER = 8;
    /** The largest record: anything longer in a file is damage, not data. */
    public static final int MAX_RECORD = 64 << 20;

    private final Path file;
    private final Path readOffsetFile;
    private final FileChannel channel;
    private final String recovery;
    private long readOffset;
    private long end;
    private int count;

    private Spool(Path file, FileChannel channel, long readOffset, long end, int count, String recovery) {
        this.file = file;
        this.readOffsetFile = offsetFile(file);
        this.channel = channel;
        this.readOffset = readOffset;
        this.end = end;
        this.count = count;
        this.recovery = recovery;
    }

    private static Path offsetFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".read");
    }

    /** Opens (or creates) the spool in {@code file}, cutting off a torn last record. */
    public static Spool open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long position = 0;
            int count = 0;
            long readOffset = readOffset(offsetFile(file));
            int unread = 0;
            boolean aligned = readOffset == 0;
            while (true) {
                long next = nextRecord(channel, position, size);
                if (next < 0) {
                    break;
                }
                aligned |= position == readOffset;
                if (position >= readOffset) {
                    unread++;
                }
                position = next;
                count++;
            }
            String recovery = null;
            if (position < size) {
                recovery = "cut off " + (size - position) + " bytes of a torn or damaged record at the end of " + file;
                channel.truncate(position);
                channel.force(true);
            }
            aligned |= position == readOffset;
            if (!aligned) {
                // not the start of a record: send everything again rather than guess
                readOffset = 0;
                unread = count;
            }
            return new Spool(file, channel, readOffset, position, unread, recovery);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The end of the whole record at {@code position}, or -1 if none is there intact. */
    private static long nextRecord(FileChannel channel, long position, long size) throws IOException {
        if (size - position < HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        channel.read(header, position);
        int length = header.getInt(0);
        if (length < 0 || length > MAX_RECORD || size - position - HEADER < length) {
            return -1;
        }
        ByteBuffer data = ByteBuffer.allocate(length);
        channel.read(data, position + HEADER);
        return crc(data.array()) == header.getInt(4) ? position + HEADER + length : -1;
    }

    private static long readOffset(Path offsetFile) {
        try {
            return Long.parseLong(Files.readString(offsetFile).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    public Path file() {
        return file;
    }

    /** What {@link #open} had to repair, if anything. */
    public Optional<String> recovery() {
        return Optional.ofNullable(recovery);
    }

    /** Adds a record at the end; returns once it is on disk. */
    public synchronized void append(byte[] record) throws IOException {
        if (record.length > MAX_RECORD) {
            throw new IOException("a record of " + record.length + " bytes is larger than the spool takes");
        }
        ByteBuffer framed = ByteBuffer.allocate(HEADER + record.length);
        framed.putInt(record.length).putInt(crc(record)).put(record).flip();
        long at = end;
        while (framed.hasRemaining()) {
            at += channel.write(framed, at);
        }
        channel.force(false);
        end = at;
        count++;
    }

    /** The oldest record not yet removed. */
    public synchronized Optional<byte[]> head() throws IOException {
        if (count == 0) {
            return Optional.empty();
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        channel.read(header, readOffset);
        ByteBuffer data = ByteBuffer.allocate(header.getInt(0));
        channel.read(data, readOffset + HEADER);
        return Optional.of(data.array());
    }

    /** Drops the oldest record, once it is delivered. */
    public synchronized void removeHead() throws IOException {
        if (count == 0) {
            return;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        channel.read(header, readOffset);
        long next = readOffset + HEADER + header.getInt(0);
        count--;
        if (count == 0) {
            // forget the offset first: a crash in between only means records are sent again
            Files.deleteIfExists(readOffsetFile);
            channel.truncate(0);
            channel.force(true);
            readOffset = 0;
            end = 0;
            return;
        }
        Path temporary = readOffsetFile.resolveSibling(readOffsetFile.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((next + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(temporary, readOffsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        readOffset = next;
    }

    public synchronized boolean isEmpty() {
        return count == 0;
    }

    /** How many records wait. */
    public synchronized int size() {
        return count;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
