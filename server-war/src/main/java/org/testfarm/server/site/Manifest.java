package org.testfarm.server.site;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint each file of a static site was written at, kept beside it
 * ({@code .testfarm-site/manifest}: one {@code <hex fingerprint> <file>} line per
 * file), so the next generation rewrites only the files whose inputs changed.
 */
final class Manifest {

    private static final String HEADER = "# testfarm static site manifest v1";

    private final Map<String, Long> files = new ConcurrentHashMap<>();

    static Manifest load(Path file) throws IOException {
        Manifest manifest = new Manifest();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                return manifest;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    try {
                        manifest.files.put(line.substring(space + 1), Long.parseUnsignedLong(line.substring(0, space), 16));
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

    Long get(String file) {
        return files.get(file);
    }

    void put(String file, long fingerprint) {
        files.put(file, fingerprint);
    }

    Map<String, Long> files() {
        return files;
    }

    void save(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Map.Entry<String, Long> entry : new TreeMap<>(files).entrySet()) {
                out.write(Long.toHexString(entry.getValue()));
                out.write(' ');
                out.write(entry.getKey());
                out.write('\n');
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
