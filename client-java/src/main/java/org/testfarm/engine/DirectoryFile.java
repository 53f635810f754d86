package org.testfarm.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a POSIX shell writes its final directory to. Made in {@code /dev/shm}
 * (memory) where there is one, since creating, writing and deleting a file per
 * command on a disk-backed temporary folder costs more than starting the shell.
 */
final class DirectoryFile {

    private static final Path FOLDER = folder();

    private DirectoryFile() {
    }

    /** A new empty file, readable and writable by this user only. */
    static Path create() throws IOException {
        return Files.createTempFile(FOLDER, "testfarm-cwd-", ".txt");
    }

    private static Path folder() {
        Path memory = Path.of("/dev/shm");
        return Files.isDirectory(memory) && Files.isWritable(memory)
                ? memory : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
