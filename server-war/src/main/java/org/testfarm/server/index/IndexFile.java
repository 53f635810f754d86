package org.testfarm.server.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.state.Change;
import org.testfarm.state.Digits;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.Outcome;

/**
 * An {@link ExecutionIndex} saved between two generations of a static site: a
 * line per execution ({@code E}) and per client's listing of executions ({@code L}),
 * fields separated by tabs (lists by U+001E, the parts of a
 * change by U+001F; backslash, tab, newline, '$' and those separators escaped),
 * each line ending in a tab and {@code $}. The file is written to a temporary file
 * and renamed; a later generation appends what it read anew, and the last line
 * about an execution or client wins. A damaged file or line only costs reading
 * those executions again.
 */
public final class IndexFile {

    private static final String HEADER = "# testfarm execution index v3";
    /** The first field of a line: an execution's summary, or a client's listing of executions. */
    private static final String SUMMARY = "E";
    private static final String LISTING = "L";
    /** Ends every complete line. */
    private static final String END = "\t$";
    private static final char LIST = '\u001e';
    private static final char PART = '\u001f';

    private IndexFile() {}

    /**
     * Saves what the index holds. When most of the file still holds, only what was
     * read since is appended (later lines win); else the whole file is written again.
     */
    public static void save(ExecutionIndex index, Path file) throws IOException {
        List<Map.Entry<Long, ExecutionSummary>> summaries = index.takeUnsaved();
        Map<ClientRef, Map.Entry<Long, List<String>>> listings = index.takeUnsavedListings();
        int records = index.fileRecords();
        int added = summaries.size() + listings.size();
        if (records > 0 && records + added <= 2 * (index.size() + index.listingCount()) && Files.isRegularFile(file)) {
            if (added > 0) {
                // a line cut short by a crash ends at this newline, and is skipped on loading
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND)) {
                    out.write('\n');
                    write(out, summaries, listings);
                }
                index.fileRecords(records + added);
            }
            return;
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        List<Map.Entry<Long, ExecutionSummary>> all = index.held();
        Map<ClientRef, Map.Entry<Long, List<String>>> allListings = index.heldListings();
        index.saved();
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            write(out, all, allListings);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        index.fileRecords(all.size() + allListings.size());
    }

    private static void write(BufferedWriter out, List<Map.Entry<Long, ExecutionSummary>> summaries,
                              Map<ClientRef, Map.Entry<Long, List<String>>> listings) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (Map.Entry<Long, ExecutionSummary> held : summaries) {
            line.setLength(0);
            write(line.append(SUMMARY).append('\t'), held.getKey(), held.getValue());
            out.append(line).append(END).append('\n');
        }
        for (Map.Entry<ClientRef, Map.Entry<Long, List<String>>> held : listings.entrySet()) {
            line.setLength(0);
            line.append(LISTING).append('\t');
            field(line, held.getKey().project()).append('\t');
            field(line, held.getKey().client()).append('\t').append(held.getValue().getKey()).append('\t');
            List<String> ids = held.getValue().getValue();
            for (int i = 0; i < ids.size(); i++) {
                field(line.append(i == 0 ? "" : String.valueOf(LIST)), ids.get(i));
            }
            out.append(line).append(END).append('\n');
        }
    }

    public static void load(ExecutionIndex index, Path file) throws IOException {
        int records = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                return;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.endsWith(END)) {
                    continue; // empty, or cut short
                }
                records++;
                try {
                    String[] fields = line.substring(0, line.length() - END.length()).split("\t", -1);
                    if (fields[0].equals(SUMMARY) && fields.length == 13) {
                        read(index, java.util.Arrays.copyOfRange(fields, 1, fields.length));
                    } else if (fields[0].equals(LISTING) && fields.length == 5) {
                        List<String> ids = new ArrayList<>();
                        split(fields[4], LIST).forEach(id -> ids.add(unescape(id)));
                        index.restoreListing(new ClientRef(unescape(fields[1]), unescape(fields[2])),
                                Long.parseLong(fields[3]), ids);
                    }
                } catch (RuntimeException e) {
                    // a damaged line: that execution is read again
                }
            }
        } catch (NoSuchFileException e) {
            // a first generation
        }
        index.fileRecords(records);
    }

    private static void write(StringBuilder out, long stamp, ExecutionSummary s) {
        ExecutionRef ref = s.ref();
        field(out, ref.project()).append('\t');
        field(out, ref.client()).append('\t');
        field(out, ref.execution()).append('\t');
        out.append(stamp).append('\t').append(s.outcome().name()).append('\t');
        out.append(s.start() == null ? "" : s.start().toString()).append('\t');
        out.append(s.stop() == null ? "" : s.stop().toString()).append('\t');
        out.append(s.lastActivity().getEpochSecond()).append('\t').append(s.lastActivity().getNano()).append('\t');
        for (int i = 0; i < s.failedTasks().size(); i++) {
            field(out.append(i == 0 ? "" : String.valueOf(LIST)), s.failedTasks().get(i));
        }
        field(out.append('\t'), s.currentTask()).append('\t');
        for (int i = 0; i < s.changes().size(); i++) {
            Change c = s.changes().get(i);
            out.append(i == 0 ? "" : String.valueOf(LIST));
            field(out, c.repository()).append(PART);
            field(out, c.author()).append(PART);
            field(out, c.revision()).append(PART);
            field(out, c.message());
        }
    }

    private static void read(ExecutionIndex index, String[] f) {
        List<String> failed = new ArrayList<>();
        for (String task : split(f[9], LIST)) {
            failed.add(unescape(task));
        }
        List<Change> changes = new ArrayList<>();
        for (String change : split(f[11], LIST)) {
            List<String> parts = split(change, PART);
            changes.add(new Change(unescape(parts.get(0)), unescape(parts.get(1)), unescape(parts.get(2)),
                    unescape(parts.get(3))));
        }
        ExecutionSummary summary = new ExecutionSummary(
                new ExecutionRef(unescape(f[0]), unescape(f[1]), unescape(f[2])), Outcome.valueOf(f[4]),
                time(f[5]), time(f[6]),
                Instant.ofEpochSecond(Long.parseLong(f[7]), Long.parseLong(f[8])), failed, unescape(f[10]), changes);
        index.restore(Long.parseLong(f[3]), summary);
    }

    /** A time as {@link LocalDateTime#toString()} wrote it; the common forms read digit by digit. */
    static LocalDateTime time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        boolean minutes = text.length() == 16;
        if ((minutes || text.length() == 19) && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && (minutes || text.charAt(16) == ':')) {
            int year = Digits.of(text, 0, 4);
            int month = Digits.of(text, 5, 7);
            int day = Digits.of(text, 8, 10);
            int hour = Digits.of(text, 11, 13);
            int minute = Digits.of(text, 14, 16);
            int second = minutes ? 0 : Digits.of(text, 17, 19);
            if ((year | month | day | hour | minute | second) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second);
            }
        }
        return LocalDateTime.parse(text);
    }

    private static List<String> split(String text, char separator) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static StringBuilder field(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case LIST -> out.append("\\l");
                case PART -> out.append("\\p");
                case '$' -> out.append("\\d"); // so only the end of a line ends in a tab and '$'
                default -> out.append(c);
            }
        }
        return out;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'l' -> LIST;
                    case 'p' -> PART;
                    case 'd' -> '$';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
