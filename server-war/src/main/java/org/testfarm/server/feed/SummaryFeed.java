package org.testfarm.server.feed;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.testfarm.state.ClientState;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.FarmState;
import org.testfarm.state.TaskState;

/**
 * A project's summary as JSON ({@code testfarm-data.js}) and JSONP
 * ({@code testfarm-data.jsond}), with the upstream field names and values that
 * existing sites embed, written as strict JSON.
 */
public final class SummaryFeed {

    public static final String DEFAULT_CALLBACK = "callme";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,4}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFeed() {}

    /** The summary of a project as a tree of maps and lists, in upstream's field order. */
    public static Map<String, Object> model(FarmState farm, String project) {
        return model(farm, project, farm.clients(project));
    }

    /** @param clients the states of the project's clients, as {@link FarmState#clients} gives them */
    public static Map<String, Object> model(FarmState farm, String project, List<ClientState> clients) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", project);
        root.put("lastupdate", TIME.format(farm.now()));
        root.put("clients", clients.stream().map(SummaryFeed::client).toList());
        return root;
    }

    private static Map<String, Object> client(ClientState client) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", client.name());
        out.put("description", client.description());
        out.put("name_details", client.briefDescription());
        out.put("status", client.status().wireName());
        out.put("doing", client.doing().wireName());
        out.put("lastupdate", time(client.expectedIdle()));
        out.put("failedTasks", client.failedTasks());
        out.put("lastExecution", time(client.newest().flatMap(ExecutionState::startTime)));
        out.put("currentTask", client.currentTask().map(TaskState::description).orElse(null));
        out.put("currentExecution", client.currentExecution().map(ExecutionState::id).orElse(null));
        return out;
    }

    private static String time(Optional<LocalDateTime> value) {
        return value.map(TIME::format).orElse("");
    }

    public static String json(FarmState farm, String project) {
        return json(farm, project, farm.clients(project));
    }

    public static String json(FarmState farm, String project, List<ClientState> clients) {
        try {
            return JSON.writeValueAsString(model(farm, project, clients)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the summary of " + project + " cannot be written as JSON", e);
        }
    }

    public static String jsonp(FarmState farm, String project, String callback) {
        return jsonp(farm, project, farm.clients(project), callback);
    }

    public static String jsonp(FarmState farm, String project, List<ClientState> clients, String callback) {
        if (!isValidCallback(callback)) {
            throw new IllegalArgumentException("invalid JSONP callback name");
        }
        return callback + "(" + json(farm, project, clients).strip() + ")\n";
    }

    public static boolean isValidCallback(String callback) {
        return callback != null && CALLBACK.matcher(callback).matches();
    }

}
