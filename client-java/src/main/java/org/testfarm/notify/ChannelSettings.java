package org.testfarm.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.testfarm.literal.PyTuple;

/**
 * The settings of one channel, as text-friendly key/values: a v1 dict such as
 * {@code config['mail_report']}, or the {@code notify.mail.*} keys of a project's
 * metadata with the prefix taken off. Values may be strings (as {@code meta --set}
 * writes them) or numbers, booleans and lists (as Python dicts hold them); the
 * getters convert, and fail with the channel and key in the message.
 * {@link #toString()} hides passwords.
 */
public final class ChannelSettings {

    private final String channel;
    private final Map<String, Object> values;

    public ChannelSettings(String channel, Map<String, ?> values) {
        this.channel = channel;
        this.values = new LinkedHashMap<>(values);
    }

    /** The entries of {@code flat} whose key starts with {@code prefix}, without it: {@code notify.mail.}. */
    public static ChannelSettings select(String channel, Map<String, ?> flat, String prefix) {
        Map<String, Object> picked = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                picked.put(k.substring(prefix.length()), v);
            }
        });
        return new ChannelSettings(channel, picked);
    }

    public String channel() {
        return channel;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String key) {
        Object value = values.get(key);
        return value != null && !String.valueOf(value).isBlank();
    }

    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(String.valueOf(values.get(key)).strip()) : Optional.empty();
    }

    public String text(String key) {
        return optionalText(key).orElseThrow(() -> invalid(key, "is missing"));
    }

    public String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object value = values.get(key);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, not '" + value + "'");
        }
    }

    /** {@code true/yes/on/1} or {@code false/no/off/0}, any case. */
    public boolean flag(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object value = values.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1": return true;
            case "false", "no", "off", "0": return false;
            default: throw invalid(key, "must be true or false, not '" + value + "'");
        }
    }

    /** Seconds, as a whole or decimal number. */
    public Duration seconds(String key, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object value = values.get(key);
        try {
            double seconds = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
            if (!(seconds > 0) || seconds > 3600) {
                throw invalid(key, "must be more than 0 and at most 3600 seconds, not " + value);
            }
            // at least a millisecond: sockets and Jakarta Mail take a time-out of 0 as no time-out at all
            return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a number of seconds, not '" + value + "'");
        }
    }

    /** A list, or a string of items separated by commas, semicolons or spaces. */
    public List<String> list(String key) {
        Object value = values.get(key);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> addItems(out, item));
        } else if (value instanceof PyTuple tuple) {
            tuple.items().forEach(item -> addItems(out, item));
        } else if (value != null) {
            addItems(out, value);
        }
        return out;
    }

    private static void addItems(List<String> out, Object item) {
        if (item == null) {
            return;
        }
        for (String part : String.valueOf(item).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
    }

    public InvalidSettingsException invalid(String key, String problem) {
        return new InvalidSettingsException(channel + " notification setting '" + key + "' " + problem);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, k.toLowerCase(Locale.ROOT).contains("password") ? "****" : v));
        return channel + " " + shown;
    }
}
