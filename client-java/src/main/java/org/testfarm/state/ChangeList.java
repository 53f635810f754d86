package org.testfarm.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the changes of an execution from its {@code snapshot} and {@code changelog}
 * infos, and their messages from the info blocks of its commands, where VCS steps
 * print {@code ":: <revision> - <author>"} followed by the message and a blank line.
 */
final class ChangeList {

    static final List<String> INFO_KEYS = List.of("snapshot", "changelog");

    private ChangeList() {}

    static List<Change> of(Map<String, Object> info, List<TaskState> tasks) {
        Set<Change> changes = new LinkedHashSet<>();
        for (String key : INFO_KEYS) {
            if (info.get(key) instanceof List<?> list) {
                for (Object item : list) {
                    Change.fromTuple(item).ifPresent(changes::add);
                }
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<String, String> messages = messages(tasks);
        List<Change> out = new ArrayList<>();
        for (Change change : changes) {
            String message = messages.get(change.revision());
            out.add(message == null ? change : change.withMessage(message));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> messages(List<TaskState> tasks) {
        Map<String, String> messages = new HashMap<>();
        for (TaskState task : tasks) {
            for (CommandState command : task.commands()) {
                if (command.info() != null && command.info().contains(":: ")) {
                    parse(command.info(), messages);
                }
            }
        }
        return messages;
    }

    /** Each {@code ":: rev - author"} line starts a message that runs to the next blank line. */
    static void parse(String text, Map<String, String> into) {
        String revision = null;
        StringBuilder message = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(":: ")) {
                flush(revision, message, into);
                String header = line.substring(3).strip();
                int dash = header.indexOf(" - ");
                revision = dash < 0 ? header : header.substring(0, dash).strip();
            } else if (line.isBlank()) {
                flush(revision, message, into);
                revision = null;
            } else if (revision != null) {
                message.append(message.length() == 0 ? "" : "\n").append(line.strip());
            }
        }
        flush(revision, message, into);
    }

    private static void flush(String revision, StringBuilder message, Map<String, String> into) {
        if (revision != null && message.length() > 0) {
            into.putIfAbsent(revision, message.toString());
        }
        message.setLength(0);
    }
}
