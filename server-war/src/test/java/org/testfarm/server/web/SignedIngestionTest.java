package org.testfarm.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.server.fixture.Clients;
import org.testfarm.server.fixture.TreeSnapshot;
import org.testfarm.server.launch.EmbeddedServer;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;
import org.testfarm.wire.WireEncoder;
import org.testfarm.wire.WireRequest;

/** Signed reports over real HTTP: what is taken, what is refused with 401 or 403, and that refusals write nothing. */
@Timeout(120)
class SignedIngestionTest {

    static final ClientRef LINUX = new ClientRef("example project", "linux");
    static final ClientRef WINDOWS = new ClientRef("example project", "windows");
    static final ClientRef OLD = new ClientRef("example project", "old python");

    @TempDir
    Path logs;
    EmbeddedServer server;
    SignedPost post;
    ClientKey linuxKey;
    ClientKey windowsKey;
    final WireEncoder encoder = new WireEncoder();

    @BeforeEach
    void start() {
        linuxKey = Clients.register(logs, LINUX);
        windowsKey = Clients.register(logs, WINDOWS);
        Clients.registerLegacy(logs, OLD);
        server = new EmbeddedServer().start(0, "127.0.0.1", logs, Path.of("src/main/webapp"));
        post = new SignedPost(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    WireRequest started(ClientRef client, String execution) {
        return encoder.event(client.execution(execution), new ExecutionEvent.ExecutionStarted(Map.of("a", 1)));
    }

    boolean hasExecution(ClientRef client, String execution) {
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            return store.hasExecution(client.execution(execution));
        }
    }

    /** The request, changed by {@code change}, is refused with {@code status} and the tree is unchanged. */
    void refused(int status, WireRequest request, ClientRef keyOwner, ClientKey key, Consumer<SignedPost.Signed> change) {
        Map<String, String> before = TreeSnapshot.of(logs);
        HttpResponse<String> response = post.send(request, keyOwner, key, change);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
    }

    @Test
    void aSignedReportIsTaken() {
        HttpResponse<String> response = post.send(started(LINUX, "20261126-120000"), LINUX, linuxKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Done");
        assertThat(hasExecution(LINUX, "20261126-120000")).isTrue();
    }

    @Test
    void anUnsignedReportFromAClientThatMustSignIsA401SayingSo() {
        Map<String, String> before = TreeSnapshot.of(logs);
        WireRequest request = started(LINUX, "20261126-120000");
        SignedPost.Signed unsigned = SignedPost.unsigned(request);
        HttpResponse<String> response = post.send(unsigned);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("must sign its reports").contains("--legacy-unsigned");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(RequestSignature.ALGORITHM);
        assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
    }

    @Test
    void aLegacyClientMayReportUnsignedOrSigned() {
        WireRequest request = started(OLD, "20261126-120000");
        SignedPost.Signed unsigned = SignedPost.unsigned(request);
        assertThat(post.send(unsigned).statusCode()).isEqualTo(200);
        assertThat(hasExecution(OLD, "20261126-120000")).isTrue();
        ClientKey oldKey = KeyRing.of(logs).currentKey(OLD);
        assertThat(post.send(started(OLD, "20261126-130000"), OLD, oldKey).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIsA401() {
        byte[] random = new byte[ClientKey.BYTES];
        new SecureRandom().nextBytes(random);
        refused(401, started(LINUX, "20261126-120000"), LINUX, ClientKey.of(random), signed -> { });
        refused(401, started(LINUX, "20261126-120000"), LINUX, windowsKey, signed -> { });
        assertThat(hasExecution(LINUX, "20261126-120000")).isFalse();
    }

    @Test
    void aFlippedBitInTheBodyOrInAnySignedHeaderIsA401() {
        WireRequest request = started(LINUX, "20261126-120000");
        refused(401, request, LINUX, linuxKey, signed -> signed.body[signed.body.length / 2] ^= 0x04);
        for (String header : new String[] {RequestSignature.KEY, RequestSignature.TIMESTAMP, RequestSignature.NONCE,
                RequestSignature.CONTENT_SHA256, RequestSignature.SIGNATURE, "Content-Type"}) {
            refused(401, request, LINUX, linuxKey, signed -> {
                byte[] value = signed.headers.get(header).getBytes(StandardCharsets.US_ASCII);
                value[value.length - 1] ^= 0x01;
                signed.headers.put(header, new String(value, StandardCharsets.US_ASCII));
            });
        }
        // flips that keep the value (hex case, a sign) are changes too
        refused(401, request, LINUX, linuxKey, signed -> signed.headers.put(RequestSignature.SIGNATURE,
                signed.headers.get(RequestSignature.SIGNATURE).toUpperCase(java.util.Locale.ROOT)));
        refused(401, request, LINUX, linuxKey, signed -> signed.headers.put(RequestSignature.TIMESTAMP,
                "+" + signed.headers.get(RequestSignature.TIMESTAMP)));
        assertThat(hasExecution(LINUX, "20261126-120000")).isFalse();
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffEitherWayIsA401() {
        WireRequest request = started(LINUX, "20261126-120000");
        for (long skew : new long[] {-RequestSignature.WINDOW_SECONDS - 5, RequestSignature.WINDOW_SECONDS + 5}) {
            Map<String, String> before = TreeSnapshot.of(logs);
            HttpResponse<String> response = post.send(post.sign(request, LINUX, linuxKey, skew));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("server's clock");
            assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
        }
        assertThat(post.send(post.sign(request, LINUX, linuxKey, -200)).statusCode()).isEqualTo(200);
        assertThat(post.send(post.sign(started(LINUX, "20261126-130000"), LINUX, linuxKey, 200)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReplayedRequestIsA401() {
        SignedPost.Signed signed = post.sign(encoder.clientIdle(LINUX, 5), LINUX, linuxKey, 0);
        assertThat(post.send(signed).statusCode()).isEqualTo(200);
        Map<String, String> before = TreeSnapshot.of(logs);
        HttpResponse<String> again = post.send(signed);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("taken already");
        assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
    }

    @Test
    void aKeyWritesOnlyForItsOwnClient() {
        Map<String, String> before = TreeSnapshot.of(logs);
        HttpResponse<String> response = post.send(started(LINUX, "20261126-120000"), WINDOWS, windowsKey,
                signed -> { });
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("may only report for");
        assertThat(TreeSnapshot.of(logs)).isEqualTo(before);
    }

    @Test
    void aRotatedKeyStopsWorkingAndTheNewOneWorks() throws InterruptedException {
        assertThat(post.send(encoder.clientIdle(LINUX, 5), LINUX, linuxKey).statusCode()).isEqualTo(200);
        ClientKey next = KeyRing.of(logs).rotate(LINUX);
        long deadline = System.nanoTime() + ClientGuard.REFRESH_NANOS + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            Thread.sleep(200);
            status = post.send(encoder.clientIdle(LINUX, 5), LINUX, linuxKey).statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
        assertThat(post.send(encoder.clientIdle(LINUX, 5), LINUX, next).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyIdThatNamesNoClientIsA401() {
        ClientRef ghost = new ClientRef("example project", "ghost");
        refused(401, encoder.clientIdle(ghost, 5), ghost, linuxKey, signed -> { });
        refused(401, encoder.clientIdle(LINUX, 5), LINUX, linuxKey,
                signed -> signed.headers.put(RequestSignature.KEY, "..%2F..%2Fetc/passwd"));
    }
}
