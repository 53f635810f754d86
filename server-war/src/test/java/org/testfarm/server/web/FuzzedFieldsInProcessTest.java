package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.auth.NonceLog;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.server.robust.Mutator;
import org.testfarm.server.robust.RobustFarm;
import org.testfarm.server.site.LiveSite;
import org.testfarm.server.site.Site;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.WireDecoder;

/**
 * The bulk of the fuzzed requests (issue 8: 100,000), through the ingestion handler
 * in-process: the fields a container hands {@link Ingestion} after parsing the
 * multipart body, decoded and stored by the same code, answered with the status
 * {@link Responses} gives. {@code robust.FuzzedLiteralsTest} sends a share over
 * real HTTP, damaged multipart bodies included. Same criteria: never a 500 but
 * the protocol's ProjectNotFound/ClientNotFound, and a refusal writes nothing.
 */
@Timeout(14400)
class FuzzedFieldsInProcessTest {

    static final int REQUESTS = RobustFarm.scale("robust.fuzz", 100_000, 1_000_000);
    static final ClientRef CAPTURE = new ClientRef("CaptureProject", "capture_client");

    static final int ROUND = 1_000;

    @Test
    void damagedFieldsAreRefusedWithA4xxAndWriteNothing(@TempDir Path logs) throws Exception {
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Mutator mutator = new Mutator(Long.getLong("robust.seed", 20261126L));
        long elapsed = 0;
        // rounds of a fresh tree each, so the stored mutations do not make every later check slower
        for (int round = 0; round * ROUND < REQUESTS && failures.size() < 20; round++) {
            Path tree = logs.resolve("round-" + round);
            RobustFarm.register(tree, List.of(CAPTURE));
            elapsed += fuzz(tree, mutator, Math.min(ROUND, REQUESTS - round * ROUND), statuses, kinds, failures);
        }
        System.out.printf("robust: %d fuzzed requests in-process in %.1f s: %s%n  by mutation: %s%n",
                REQUESTS, elapsed / 1e9, statuses, kinds);
        assertThat(failures).isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    }

    /** Replays the captured runs into a fresh tree, sends it {@code count} damaged requests; returns the time taken, ns. */
    static long fuzz(Path logs, Mutator mutator, int count, Map<String, Integer> statuses, Map<String, Integer> kinds,
                     List<String> failures) {
        try (LogStore store = LogStore.open(logs, StoreOptions.defaults())) {
            FarmState state = new FarmState(store);
            Farm farm = new Farm(store, state, new WireDecoder(), Farm.DEFAULT_MAX_BODY,
                    new LiveSite(new Site(state, LiveSite.INDEX_CAPACITY), LiveSite.CACHE_BYTES),
                    new ClientGuard(KeyRing.of(logs), new RateLimits(0, 0), NonceLog.of(logs)));
            List<Mutator.Sample> samples = new ArrayList<>();
            for (String run : List.of("upstream-run-git", "upstream-run-basic")) {
                for (CapturedRequest request : CapturedRequest.run(run)) {
                    Mutator.Sample sample = Mutator.Sample.of(request);
                    Ingestion.ingest(farm, sample.method(), mutator.unchanged(sample), null);
                    samples.add(sample);
                }
            }
            Map<String, String> tree = RobustFarm.treeSnapshot(logs);
            long started = System.nanoTime();
            for (int i = 0; i < count && failures.size() < 20; i++) {
                Mutator.Sample sample = samples.get(i % samples.size());
                Mutator.Mutant mutant = mutator.mutate(sample);
                while (mutant.fields() == null) { // damaged bodies go over HTTP only
                    mutant = mutator.mutate(sample);
                }
                int status = 200;
                String body = "Done";
                try {
                    Ingestion.ingest(farm, mutant.method(), mutant.fields(), null);
                } catch (RuntimeException e) {
                    Responses.Failure failure = Responses.failure(e);
                    status = failure.status();
                    body = failure.body();
                }
                boolean compat = status == 500
                        && (body.startsWith("ProjectNotFound: ") || body.startsWith("ClientNotFound: "));
                String outcome = compat ? "500 " + body.substring(0, body.indexOf(':')) : String.valueOf(status);
                statuses.merge(outcome, 1, Integer::sum);
                kinds.merge(mutant.family() + " -> " + outcome, 1, Integer::sum);
                if (status >= 500 && !compat) {
                    failures.add(mutant.kind() + " of " + mutant.method() + " answered " + status + " " + body);
                }
                Map<String, String> after = RobustFarm.treeSnapshot(logs);
                if (status != 200 && !after.equals(tree)) {
                    failures.add(mutant.kind() + " of " + mutant.method() + " answered " + status
                            + " but changed the tree");
                }
                tree = after;
            }
            return System.nanoTime() - started;
        }
    }
}
