package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.server.fixture.Clients;
import org.testfarm.server.fixture.TreeSnapshot;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;
import org.testfarm.wire.WireEncoder;
import org.testfarm.wire.WireRequest;

/**
 * The robustness scenario of issue 8: 10,000 requests, each with one flipped bit
 * (in the body or in a signed header) or signed with the wrong key, all get 401
 * and the log tree, private folder included, is byte-identical afterwards. The
 * count is the system property {@code testfarm.flips} (10,000 by default).
 */
@Timeout(600)
class FlippedBitsTest {

    static final ClientRef LINUX = new ClientRef("example project", "linux");
    static final ClientRef WINDOWS = new ClientRef("example project", "windows");
    static final String[] SIGNED_HEADERS = {RequestSignature.KEY, RequestSignature.TIMESTAMP, RequestSignature.NONCE,
            RequestSignature.CONTENT_SHA256, RequestSignature.SIGNATURE, "Content-Type"};

    @TempDir
    Path logs;

    @Test
    void everyFlippedBitOrWrongKeyIsA401AndNothingIsWritten() throws Exception {
        int count = Integer.getInteger("testfarm.flips", 10_000);
        ClientKey linux = Clients.register(logs, LINUX);
        ClientKey windows = Clients.register(logs, WINDOWS);
        WireEncoder encoder = new WireEncoder();
        List<WireRequest> requests = List.of(
                encoder.clientIdle(LINUX, 5),
                encoder.event(LINUX.execution("20261126-120000"), new ExecutionEvent.ExecutionStarted(Map.of("a", 1))),
                encoder.event(LINUX.execution("20261126-120000"), new ExecutionEvent.CommandEnded(1, 1,
                        "some output\n".repeat(50), true, "", Map.of("tests", 12))));
        try (EmbeddedServer server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"))) {
            SignedPost post = new SignedPost(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port());
            Map<String, String> before = TreeSnapshot.of(logs);
            long started = System.nanoTime();
            Map<Integer, Integer> statuses = new TreeMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Random random = new Random(i);
                    WireRequest request = requests.get(random.nextInt(requests.size()));
                    boolean wrongKey = random.nextInt(4) == 0;
                    answers.add(senders.submit(() -> post.send(request, LINUX, wrongKey ? windows : linux,
                            signed -> {
                                if (!wrongKey) {
                                    flipOneBit(signed, random);
                                }
                            }).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    statuses.merge(answer.get(), 1, Integer::sum);
                }
            } finally {
                senders.shutdown();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("FlippedBitsTest: %d requests in %.1f s (%.0f/s), statuses %s%n", count, seconds,
                    count / seconds, statuses);
            assertThat(statuses).isEqualTo(Map.of(401, count));
            assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
        }
    }

    /** Flips one bit of the body or of a signed header. */
    private static void flipOneBit(SignedPost.Signed signed, Random random) {
        if (random.nextBoolean()) {
            signed.body[random.nextInt(signed.body.length)] ^= (byte) (1 << random.nextInt(8));
            return;
        }
        String header = SIGNED_HEADERS[random.nextInt(SIGNED_HEADERS.length)];
        byte[] value = signed.headers.get(header).getBytes(StandardCharsets.US_ASCII);
        while (true) {
            int at = random.nextInt(value.length);
            byte flipped = (byte) (value[at] ^ (1 << random.nextInt(7)));
            if (flipped > ' ' && flipped < 0x7f) { // HTTP carries only visible characters here
                value[at] = flipped;
                break;
            }
        }
        signed.headers.put(header, new String(value, StandardCharsets.US_ASCII));
    }
}
