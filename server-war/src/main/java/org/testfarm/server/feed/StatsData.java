package org.testfarm.server.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.testfarm.event.ClientRef;
import org.testfarm.store.StatsSeries;

/**
 * A client's stats as data: {@code <client>-stats.json}
 * ({@code {"project", "client", "keys": [...], "executions": [{"execution", "values": {key: value}}]}})
 * and {@code <client>-stats.csv} (a row per execution, a column per key).
 */
public final class StatsData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsData() {}

    public static String json(ClientRef client, StatsSeries stats) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", client.project());
        root.put("client", client.client());
        root.put("keys", new ArrayList<>(stats.keys()));
        List<Map<String, Object>> executions = new ArrayList<>();
        for (String execution : stats.executions()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : stats.keys()) {
                Number value = stats.series(key).get(execution);
                if (value != null) {
                    values.put(key, value);
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("execution", execution);
            row.put("values", values);
            executions.add(row);
        }
        root.put("executions", executions);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stats of " + client + " cannot be written as JSON", e);
        }
    }

    public static String csv(StatsSeries stats) {
        StringBuilder out = new StringBuilder("execution");
        stats.keys().forEach(key -> out.append(',').append(cell(key)));
        out.append("\r\n");
        for (String execution : stats.executions()) {
            out.append(cell(execution));
            for (String key : stats.keys()) {
                Number value = stats.series(key).get(execution);
                out.append(',').append(value == null ? "" : value.toString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets. */
    static String cell(String text) {
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
