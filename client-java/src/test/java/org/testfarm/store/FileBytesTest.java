package org.testfarm.store;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a whole file, told its size or not: always what the file holds when read. */
class FileBytesTest {

    @TempDir
    Path tmp;

    @Test
    void aFileOfTheSizeSeenIsReadWhole() throws Exception {
        byte[] content = bytes(70_000);
        Path file = Files.write(tmp.resolve("log"), content);
        assertThat(FileBytes.read(file, content.length)).isEqualTo(content);
        assertThat(FileBytes.read(file)).isEqualTo(content);
    }

    @Test
    void aFileThatGrewOrShrankSinceItWasSeenIsReadAsItIsNow() throws Exception {
        byte[] content = bytes(5_000);
        Path file = Files.write(tmp.resolve("log"), content);
        for (long seen : new long[] {0, 1, 4_999, 5_001, 100_000}) {
            assertThat(FileBytes.read(file, seen)).as("seen %d bytes long", seen).isEqualTo(content);
        }
    }

    @Test
    void anEmptyFileIsNoBytes() throws Exception {
        Path file = Files.createFile(tmp.resolve("empty"));
        assertThat(FileBytes.read(file, 0)).isEmpty();
        assertThat(FileBytes.read(file, 10)).isEmpty();
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> FileBytes.read(tmp.resolve("gone"), 12)).isInstanceOf(NoSuchFileException.class);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
