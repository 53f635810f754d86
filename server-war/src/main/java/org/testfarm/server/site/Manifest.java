package org.testfarm.server.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint each file of a static site was written at, kept beside it
 * ({@code .testfarm-site/manifest}), so the next generation rewrites only the
 * files whose inputs changed. The first line names the generator (TestFarm's
 * version and its templates and assets): a site written by another one is
 * written again whole. Then one {@code <hex fingerprint> <file>} line per file,
 * and one {@code client <hex> <project>/<client>} line per client whose details
 * pages were all of finished executions, with what they depended on together.
 */
final class Manifest {

    private static final String HEADER = "# testfarm static site manifest v2 ";
    private static final String CLIENT = "client ";

    private final Map<String, Long> files = new ConcurrentHashMap<>();
    private final Map<String, Long> clients = new ConcurrentHashMap<>();
    /** Whether the fingerprints hold: written by this generator. Otherwise only the list of files counts. */
    private boolean current = true;

    /** @param generator what wrote the site (see {@link Site#GENERATOR}) */
    static Manifest load(Path file, long generator) throws IOException {
        Manifest manifest = new Manifest();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("# testfarm static site manifest ")) {
                return manifest;
            }
            manifest.current = header.equals(HEADER + Long.toHexString(generator));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                boolean client = line.startsWith(CLIENT);
                int from = client ? CLIENT.length() : 0;
                int space = line.indexOf(' ', from);
                if (space > from) {
                    try {
                        long fingerprint = Long.parseUnsignedLong(line, from, space, 16);
                        (client ? manifest.clients : manifest.files).put(line.substring(space + 1), fingerprint);
                    } catch (NumberFormatException e) {
                        // a damaged line: that file is written again
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // a first generation
        }
        return manifest;
    }

    /** The fingerprint a file was written at, if it holds. */
    Long get(String file) {
        return current ? files.get(file) : null;
    }

    void put(String file, long fingerprint) {
        files.put(file, fingerprint);
    }

    /** What a client's details pages depended on together, if they were all of finished executions. */
    Long client(String client) {
        return current ? clients.get(client) : null;
    }

    void client(String client, long fingerprint) {
        clients.put(client, fingerprint);
    }

    /** Every file listed, whether or not its fingerprint holds: what a generation may have to remove. */
    Map<String, Long> files() {
        return files;
    }

    /**
     * Written whole at the end of every generation, in no particular order: sorting ten
     * thousand names each time cost a resident generator more than the pages it rewrote.
     */
    void save(Path file, long generator) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder(64 * (files.size() + clients.size() + 1));
        text.append(HEADER).append(Long.toHexString(generator)).append('\n');
        clients.forEach((client, fingerprint) ->
                text.append(CLIENT).append(Long.toHexString(fingerprint)).append(' ').append(client).append('\n'));
        files.forEach((name, fingerprint) ->
                text.append(Long.toHexString(fingerprint)).append(' ').append(name).append('\n'));
        Files.write(temporary, text.toString().getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
