package org.testfarm.container;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends reports to a deployed farm and keeps its answers for the tests to check. */
final class Replay {

    /** The farm's answer to one request. */
    record Answer(String request, int status, String body) {

        boolean isDone() {
            return status == 200 && body.strip().equals("Done");
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body.strip();
        }
    }

    private Replay() {}

    /** Replays a captured run in order, as a client configured with {@code base} sends it. */
    static List<Answer> run(FarmClient farm, CapturedRun run, ClientBase base) {
        List<Answer> answers = new ArrayList<>();
        for (CapturedRequest request : run.requests()) {
            HttpResponse<String> response = farm.replay(request, base);
            answers.add(new Answer(run.name() + "/" + request.file() + " via " + base, response.statusCode(),
                    response.body()));
        }
        return answers;
    }

    /**
     * A whole execution, ok, whose one command printed {@code outputBytes} bytes: the
     * largest report clients send. Give it an id that sorts before the captured
     * ones (e.g. {@code 20000101-000000}), so the captured runs stay the client's newest.
     */
    static List<Answer> executionWithLongOutput(FarmClient farm, String project, String client, String execution,
                                                int outputBytes) {
        Map<String, String> ids = Map.of("project", quoted(project), "client", quoted(client),
                "execution", quoted(execution));
        List<Answer> answers = new ArrayList<>();
        answers.add(send(farm, "executionStarts", ids, Map.of()));
        answers.add(send(farm, "taskStarts", ids, Map.of("task", "1", "description", "'long output'")));
        answers.add(send(farm, "commandStarts", ids, Map.of("task", "1", "command", "1", "commandline", "'yes'")));
        answers.add(send(farm, "commandEnds", ids, Map.of("task", "1", "command", "1",
                "output", "'" + "y\\n".repeat(outputBytes / 3) + "'", "ok", "True", "info", "None", "stats", "{}")));
        answers.add(send(farm, "taskEnds", ids, Map.of("task", "1", "ok", "True")));
        answers.add(send(farm, "executionEnds", ids, Map.of("ok", "True")));
        return answers;
    }

    private static Answer send(FarmClient farm, String method, Map<String, String> ids, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(ids);
        all.putAll(fields);
        MultipartForm form = MultipartForm.of(all);
        byte[] body = form.body();
        HttpResponse<String> response = farm.post(ClientBase.SERVICE.path(method), form.contentType(), body);
        return new Answer(method + " (" + body.length + " bytes)", response.statusCode(), response.body());
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }
}
