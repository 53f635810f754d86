package org.testfarm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A writable copy of a tree, such as a read-only shared fixture: files keep
 * their modification times and modes (an executable stays one), and the owner
 * may write every file and folder of the copy.
 */
public final class TreeCopy {

    private TreeCopy() {
    }

    /** Copies {@code from} into {@code to} (created as needed, files there replaced); returns {@code to}. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(target);
                if (modes.add(PosixFilePermission.OWNER_WRITE)) {
                    Files.setPosixFilePermissions(target, modes);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
