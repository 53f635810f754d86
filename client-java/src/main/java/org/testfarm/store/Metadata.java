package org.testfarm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.testfarm.literal.LiteralException;
import org.testfarm.literal.PyLiteral;

/** The Python dict literals of {@code metadata} and {@code .info} files. */
final class Metadata {

    private Metadata() {}

    /** The dict in a file; a missing, empty or damaged file reads as an empty dict. */
    static Map<String, Object> read(Path file) throws IOException {
        return read(file, -1);
    }

    /** The same, for a file its caller just saw {@code size} bytes long (see {@link FileBytes#read(Path, long)}). */
    static Map<String, Object> read(Path file, long size) throws IOException {
        String text;
        try {
            text = new String(FileBytes.read(file, size), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        try {
            if (PyLiteral.parse(text) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        } catch (LiteralException e) {
            // damaged: shown as empty rather than failing every page of the project
        }
        return out;
    }

    /** Merges {@code changes} into the file's dict (a null value removes the key); returns the result. */
    static Map<String, Object> update(Path file, Map<String, Object> changes) throws IOException {
        Map<String, Object> meta = read(file);
        changes.forEach((key, value) -> {
            if (value == null) {
                meta.remove(key);
            } else {
                meta.put(key, value);
            }
        });
        write(file, meta);
        return meta;
    }

    static void write(Path file, Map<String, Object> values) throws IOException {
        AtomicFile.write(file, PyLiteral.format(new LinkedHashMap<Object, Object>(values)).getBytes(StandardCharsets.UTF_8));
    }
}
