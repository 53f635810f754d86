package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * Damaged versions of the captured client requests, over real HTTP: never a server
 * error, and a refused request leaves the tree exactly as it was (issue 8: 100,000
 * fuzzed literals, only 4xx answers).
 *
 * <p>Some mutations stay valid (a flipped letter in an output) and are stored: 200.
 * Some turn the project or client into another well-formed name, which the wire
 * protocol answers 500 ProjectNotFound/ClientNotFound for deployed clients'
 * sake (spec/wire-protocol.md): those are counted apart, and must write nothing
 * either. Any other 5xx fails.
 */
@Timeout(7200)
class FuzzedLiteralsTest {

    static final int REQUESTS = RobustFarm.scale("robust.fuzz.http", 10_000, 100_000);
    static final ClientRef CAPTURE = new ClientRef("CaptureProject", "capture_client");

    @Test
    void damagedRequestsAreRefusedWithA4xxAndWriteNothing(@TempDir Path logs) throws Exception {
        RobustFarm.register(logs, List.of(CAPTURE));
        List<Mutator.Sample> samples = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long elapsed;
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, RobustFarm.WEBAPP)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            for (String run : List.of("upstream-run-git", "upstream-run-basic")) {
                for (CapturedRequest request : CapturedRequest.run(run)) {
                    assertThat(request.replay(http, base, null).body()).isEqualTo("Done");
                    samples.add(Mutator.Sample.of(request));
                }
            }
            assertThat(samples.stream().map(Mutator.Sample::method).distinct()).hasSize(7);
            WireSender sender = new WireSender(base + "/testfarmservice/");
            Mutator mutator = new Mutator(Long.getLong("robust.seed", 20261126L));
            Map<String, String> tree = RobustFarm.treeSnapshot(logs);
            long started = System.nanoTime();
            for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
                Mutator.Sample sample = samples.get(i % samples.size());
                Mutator.Mutant mutant = mutator.mutate(sample);
                WireSender.Answer answer = sender.post(mutant.method(), WireSender.CONTENT_TYPE, mutant.body());
                boolean compat = answer.status() == 500 && (answer.body().startsWith("ProjectNotFound: ")
                        || answer.body().startsWith("ClientNotFound: "));
                String outcome = compat ? "500 " + answer.body().substring(0, answer.body().indexOf(':'))
                        : String.valueOf(answer.status());
                statuses.merge(outcome, 1, Integer::sum);
                kinds.merge(mutant.family() + " -> " + outcome, 1, Integer::sum);
                if (answer.status() >= 500 && !compat) {
                    failures.add(mutant.kind() + " of " + mutant.method() + " answered " + answer + " to "
                            + preview(mutant.body()));
                }
                Map<String, String> after = RobustFarm.treeSnapshot(logs);
                if (answer.status() != 200 && !after.equals(tree)) {
                    failures.add(mutant.kind() + " of " + mutant.method() + " answered " + answer.status()
                            + " but changed the tree: " + difference(tree, after));
                }
                tree = after;
            }
            elapsed = System.nanoTime() - started;
        }
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            for (String execution : store.executions(CAPTURE)) {
                store.read(CAPTURE.execution(execution));
            }
        }
        System.out.printf("robust: %d fuzzed requests over HTTP in %.1f s: %s%n  by mutation: %s%n",
                REQUESTS, elapsed / 1e9, statuses, kinds);
        assertThat(failures).isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((path, what) -> {
            if (!what.equals(before.get(path))) {
                changed.put(path, before.get(path) + " -> " + what);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(path -> changed.put(path, "removed"));
        return changed.toString();
    }

}
