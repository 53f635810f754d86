package org.testfarm.store;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a whole file with stream I/O, which a thread interrupt cannot cut short. */
final class FileBytes {

    private FileBytes() {}

    /** The file's bytes; a missing file is a {@link NoSuchFileException}. */
    static byte[] read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw e;
        }
    }
}
