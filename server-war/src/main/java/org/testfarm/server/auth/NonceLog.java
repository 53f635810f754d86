package org.testfarm.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.testfarm.event.ClientRef;
import org.testfarm.store.StoreException;
import org.testfarm.wire.RequestSignature;

/**
 * The nonces a server took, on disk, so a request taken before a restart is still
 * refused after it. One line {@code ARRIVAL KEY-ID NONCE} per request, in a file
 * per five minutes of arrival ({@code nonces-N.log} under the tree's
 * {@code .testfarm/nonces/}); files older than two windows are deleted, as
 * {@link ReplayGuard} forgets their nonces. A line is written (not forced) before
 * the request is taken: it outlives a crash or {@code kill -9} of the server, not a
 * power cut in the seconds after it.
 */
public final class NonceLog implements AutoCloseable {

    /** A line of the log: when it arrived (seconds since 1970), whose key, which nonce. */
    public record Entry(long arrival, ClientRef client, String nonce) {}

    static final long BUCKET_SECONDS = RequestSignature.WINDOW_SECONDS;
    private static final String PREFIX = "nonces-";
    private static final String SUFFIX = ".log";

    private final Path directory;
    private long bucket = -1;
    private FileChannel current;

    private NonceLog(Path directory) {
        this.directory = directory;
    }

    /** The nonce log of the log tree at {@code logs}; its folder is made with its first line. */
    public static NonceLog of(Path logs) {
        return new NonceLog(logs.resolve(".testfarm").resolve("nonces"));
    }

    /** What was taken in the two windows before {@code nowSeconds}, oldest first; older files are deleted. */
    public synchronized List<Entry> recent(long nowSeconds) {
        long since = nowSeconds - 2 * RequestSignature.WINDOW_SECONDS;
        List<Entry> entries = new ArrayList<>();
        for (var file : deleteOlderThan(since).entrySet()) {
            try {
                for (String line : Files.readAllLines(file.getValue(), StandardCharsets.UTF_8)) {
                    parse(line).filter(entry -> entry.arrival() >= since).ifPresent(entries::add);
                }
            } catch (NoSuchFileException e) {
                // deleted meanwhile
            } catch (IOException e) {
                throw new StoreException("cannot read " + file.getValue() + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** Writes that {@code client} used {@code nonce} at {@code arrivalSeconds}; a disk failure is a StoreException. */
    public synchronized void record(long arrivalSeconds, ClientRef client, String nonce) {
        String line = arrivalSeconds + " " + URLEncoder.encode(client.project(), StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(client.client(), StandardCharsets.UTF_8) + " " + nonce + "\n";
        try {
            long now = arrivalSeconds / BUCKET_SECONDS;
            if (now != bucket || current == null) {
                close();
                Files.createDirectories(directory);
                current = FileChannel.open(directory.resolve(PREFIX + now + SUFFIX), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                current.position(current.size()); // one writer: the server that holds the tree
                bucket = now;
                ByteBuffer last = ByteBuffer.allocate(1);
                if (current.size() > 0 && current.read(last, current.size() - 1) == 1 && last.get(0) != '\n') {
                    line = "\n" + line; // a torn line (a full disk) stays on its own
                }
                deleteOlderThan(arrivalSeconds - 2 * RequestSignature.WINDOW_SECONDS);
            }
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                current.write(bytes);
            }
        } catch (IOException | UncheckedIOException e) {
            close();
            throw new StoreException("cannot record the nonce of a signed request in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the files whose every line arrived before {@code since}; returns the others. */
    private TreeMap<Long, Path> deleteOlderThan(long since) {
        TreeMap<Long, Path> files = files();
        for (var old = files.headMap(since / BUCKET_SECONDS).entrySet().iterator(); old.hasNext(); ) {
            Path file = old.next().getValue();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new StoreException("cannot delete " + file + ": " + e.getMessage(), e);
            }
            old.remove();
        }
        return files;
    }

    private TreeMap<Long, Path> files() {
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files; // nothing taken yet
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : all) {
                String name = file.getFileName().toString();
                try {
                    files.put(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())), file);
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** A line, or nothing for a torn or damaged one. */
    private static Optional<Entry> parse(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 3) {
            return Optional.empty();
        }
        try {
            long arrival = Long.parseLong(fields[0]);
            return RequestSignature.client(fields[1]).map(client -> new Entry(arrival, client, fields[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // nothing was left to write
            }
            current = null;
        }
    }
}
