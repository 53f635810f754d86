package org.testfarm.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log files a container writes (Tomcat's {@code catalina.*.log}, WildFly's
 * {@code server.log}), read as records: a record starts with a line
 * "{@code <date> <time> <LEVEL> ...}" and runs until the next one, stack trace included.
 */
final class ContainerLog {

    private static final Pattern RECORD_START = Pattern.compile(
            "^\\S+ \\S+ (SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST|FATAL|ERROR|WARN|DEBUG|TRACE) ");
    private static final Set<String> FAILURE_LEVELS = Set.of("SEVERE", "ERROR", "FATAL");

    /** One log record: its level and its whole text. */
    record Entry(String level, String text) {

        boolean isFailure() {
            return FAILURE_LEVELS.contains(level);
        }

        boolean mentions(String word) {
            return text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
        }
    }

    /** Where each file ended at some moment, to read only what came after. */
    record Mark(Map<Path, Long> sizes) {

        /** Before anything was written: the whole log. */
        static final Mark BEGINNING = new Mark(Map.of());
    }

    private final Path directory;
    private final Predicate<String> fileName;

    ContainerLog(Path directory, Predicate<String> fileName) {
        this.directory = directory;
        this.fileName = fileName;
    }

    Mark mark() {
        Map<Path, Long> sizes = new HashMap<>();
        for (Path file : files()) {
            try {
                sizes.put(file, Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Mark(sizes);
    }

    List<Entry> entries() {
        return entriesSince(Mark.BEGINNING);
    }

    List<Entry> entriesSince(Mark mark) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files()) {
            entries.addAll(parse(readFrom(file, mark.sizes().getOrDefault(file, 0L))));
        }
        return entries;
    }

    /** SEVERE, ERROR and FATAL records since {@code mark} whose text mentions {@code word}. */
    List<Entry> failuresSince(Mark mark, String word) {
        return entriesSince(mark).stream().filter(Entry::isFailure).filter(e -> e.mentions(word)).toList();
    }

    /** Waits until a record since {@code mark} matches, for things the container does on its own. */
    Entry await(Mark mark, Predicate<Entry> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Entry entry : entriesSince(mark)) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container log in " + directory + " shows no " + what + " after "
                        + timeout.toSeconds() + " s");
            }
            sleep(200);
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> fileName.test(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFrom(Path file, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int start = (int) Math.min(offset, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String level = null;
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            Matcher start = RECORD_START.matcher(line);
            if (start.find()) {
                if (level != null) {
                    entries.add(new Entry(level, current.toString()));
                }
                level = start.group(1);
                current.setLength(0);
            }
            if (level != null) {
                current.append(line).append('\n');
            }
        }
        if (level != null) {
            entries.add(new Entry(level, current.toString()));
        }
        return entries;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
