package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.RateLimits;
import org.testfarm.server.fixture.Clients;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.WireEncoder;
import org.testfarm.wire.WireRequest;

/** Per-client rate limits: a burst of 3, then one a second; excess gets 429 with Retry-After. */
@Timeout(120)
class RateLimitTest {

    static final ClientRef LINUX = new ClientRef("example project", "linux");
    static final ClientRef OLD = new ClientRef("example project", "old python");

    @TempDir
    Path logs;
    EmbeddedServer server;
    SignedPost post;
    ClientKey key;
    final WireEncoder encoder = new WireEncoder();

    @BeforeEach
    void start() {
        key = Clients.register(logs, LINUX);
        Clients.registerLegacy(logs, OLD);
        System.setProperty(RateLimits.BURST_SETTING, "3");
        System.setProperty(RateLimits.PER_SECOND_SETTING, "1");
        try {
            server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
        } finally {
            System.clearProperty(RateLimits.BURST_SETTING);
            System.clearProperty(RateLimits.PER_SECOND_SETTING);
        }
        post = new SignedPost(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void beyondTheBurstA429SaysHowLongToWait() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(post.send(encoder.clientIdle(LINUX, 5), LINUX, key).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = post.send(encoder.clientIdle(LINUX, 5), LINUX, key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).startsWith("TooManyRequests: client example project/linux sends more than 1");
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, 2L);
        Thread.sleep(wait * 1000 + 100);
        assertThat(post.send(encoder.clientIdle(LINUX, 5), LINUX, key).statusCode()).isEqualTo(200);
    }

    @Test
    void badlySignedAndUnsignedRequestsDoNotSpendAClientsAllowance() {
        byte[] random = new byte[ClientKey.BYTES];
        new SecureRandom().nextBytes(random);
        ClientKey wrong = ClientKey.of(random);
        WireRequest idle = encoder.clientIdle(LINUX, 5);
        for (int i = 0; i < 20; i++) {
            assertThat(post.send(idle, LINUX, wrong).statusCode()).isEqualTo(401);
            SignedPost.Signed unsigned = SignedPost.unsigned(idle);
            assertThat(post.send(unsigned).statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post.send(idle, LINUX, key).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void legacyUnsignedClientsHaveTheirOwnBucket() {
        WireRequest idle = encoder.clientIdle(OLD, 5);
        int[] statuses = new int[4];
        for (int i = 0; i < 4; i++) {
            SignedPost.Signed unsigned = SignedPost.unsigned(idle);
            statuses[i] = post.send(unsigned).statusCode();
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(post.send(encoder.clientIdle(LINUX, 5), LINUX, key).statusCode()).isEqualTo(200);
    }
}
