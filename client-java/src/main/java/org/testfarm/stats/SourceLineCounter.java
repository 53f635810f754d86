package org.testfarm.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Counts the non-blank lines of the files under a directory, per file extension:
 * {@code {"sloc.java": 1234, "sloc.py": 56}}. Skips version-control folders and
 * Maven's {@code target}, files without an extension, and binary files (a NUL
 * byte among their first 8 KiB). Does not follow symbolic links.
 */
final class SourceLineCounter {

    static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".svn", ".hg", "CVS", "target");
    private static final int BINARY_PROBE = 8192;

    private SourceLineCounter() {
    }

    /** The counts for the extensions {@code wanted} accepts (lower case, without the dot). */
    static Map<String, Number> count(Path root, Predicate<String> wanted) {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("no directory to count source lines in: " + root));
        }
        Map<String, Long> lines = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean skipped = !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String extension = extension(file);
                    if (attributes.isRegularFile() && extension != null && wanted.test(extension)) {
                        long count = nonBlankLines(file);
                        if (count >= 0) {
                            lines.merge("sloc." + extension, count, Long::sum);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeMap<>(lines);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The non-blank lines of a text file; -1 for a binary or unreadable one. */
    static long nonBlankLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BINARY_PROBE];
            long lines = 0;
            long position = 0;
            boolean content = false;
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == 0 && position + i < BINARY_PROBE) {
                        return -1;
                    }
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) {
                        content = true;
                    }
                }
                position += read;
            }
            return lines + (content ? 1 : 0);
        } catch (IOException unreadable) {
            return -1;
        }
    }
}
