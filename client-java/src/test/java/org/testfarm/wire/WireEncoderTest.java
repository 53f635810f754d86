package org.testfarm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.fixture.SharedFixtures;
import org.testfarm.literal.PyTuple;

class WireEncoderTest {

    static final ExecutionRef EXECUTION = new ExecutionRef("Proj", "client-1", "20260301-120000");

    private final WireEncoder encoder = new WireEncoder();
    private final WireDecoder decoder = new WireDecoder();

    static Stream<ExecutionEvent> everyKindOfEvent() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("snapshot", List.of(PyTuple.of("/src", "Dev One <dev@example.org>", "d7bd92")));
        info.put("timestamp", 1.5);
        Map<String, Number> stats = new LinkedHashMap<>();
        stats.put("tests", 12L);
        stats.put("ratio", 0.5);
        return Stream.of(
                new ExecutionEvent.ExecutionStarted(info),
                new ExecutionEvent.ExecutionStarted(Map.of()),
                new ExecutionEvent.TaskStarted(1, "Update Sandbox"),
                new ExecutionEvent.CommandStarted(2, 3, "printf 'caf\u00e9 \u2713\\n'; echo \"it's\""),
                new ExecutionEvent.CommandEnded(2, 3, "\u001b[31mred\u001b[0m caf\u00e9\n", false, null, Map.of()),
                new ExecutionEvent.CommandEnded(2, 4, "", true, "lines: 3", stats),
                new ExecutionEvent.TaskEnded(2, false),
                new ExecutionEvent.ExecutionEnded(true, null),
                new ExecutionEvent.ExecutionEnded(false, null),
                new ExecutionEvent.ExecutionEnded(null, null));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfEvent")
    void encodedEvent_decodesToTheSameEvent(ExecutionEvent event) {
        WireRequest request = encoder.event(EXECUTION, event);

        WireCall call = decoder.decode(request.method().wireName(), request.fields());

        assertThat(call).isEqualTo(new WireCall.Event(EXECUTION, event));
    }

    @Test
    void clientIdle_roundTrips_withWholeMinutesAsIntsLikePython2() {
        ClientRef client = EXECUTION.clientRef();
        assertThat(encoder.clientIdle(client, 15).fields()).containsEntry("minutes", "15");
        assertThat(encoder.clientIdle(client, 1.5).fields()).containsEntry("minutes", "1.5");
        for (double minutes : new double[] {0, 15, 1.5, 1e-5}) {
            WireRequest request = encoder.clientIdle(client, minutes);
            assertThat(decoder.decode("clientIdle", request.fields())).isEqualTo(new WireCall.Idle(client, minutes));
        }
    }

    @Test
    void infoKeyThatIsAParameter_isRefused() {
        assertThatThrownBy(() -> encoder.event(EXECUTION, new ExecutionEvent.ExecutionStarted(Map.of("client", "x"))))
                .isInstanceOf(WireException.class).hasMessageContaining("'client'");
    }

    static List<Path> capturedRequests() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String run : List.of("upstream-run-basic", "upstream-run-git")) {
            try (Stream<Path> list = Files.list(SharedFixtures.wire().resolve(run))) {
                list.sorted().forEach(files::add);
            }
        }
        return files;
    }

    /**
     * Each captured request, decoded and encoded again, gives the same request:
     * the same path, content type and length, the same parts byte for byte (in
     * another order maybe: Python sent them in dict order) and the same ending.
     */
    @ParameterizedTest
    @MethodSource("capturedRequests")
    void capturedRequest_isWhatTheEncoderWritesForItsEvent(Path file) throws IOException {
        CapturedHttp captured = CapturedHttp.read(file);
        String boundary = WireRequest.BOUNDARY;
        assertThat(captured.headers()).containsEntry("Content-Type", "multipart/form-data; boundary=" + boundary);

        WireCall call = decoder.decode(captured.method(), captured.fields(boundary));
        WireRequest encoded = encoder.encode(call);
        byte[] body = encoded.multipartBody();

        assertThat("/testfarmservice/" + encoded.method().wireName()).isEqualTo(captured.path());
        assertThat(encoded.contentType()).isEqualTo(captured.headers().get("Content-Type"));
        assertThat(encoded.fields()).isEqualTo(captured.fields(boundary));
        assertThat(body.length).isEqualTo(Integer.parseInt(captured.headers().get("Content-Length")))
                .isEqualTo(captured.body().length);
        assertThat(CapturedHttp.parts(body, boundary))
                .containsExactlyInAnyOrderElementsOf(CapturedHttp.parts(captured.body(), boundary));
        assertThat(CapturedHttp.tail(body, boundary)).isEqualTo(CapturedHttp.tail(captured.body(), boundary));
    }

    @Test
    void storedForm_readsBackAsTheSameRequest() {
        WireRequest request = encoder.event(EXECUTION, everyKindOfEvent().toList().get(5));
        assertThat(WireRequest.fromBytes(request.toBytes())).isEqualTo(request);
        assertThatThrownBy(() -> WireRequest.fromBytes(new byte[] {0, 0, 0, 9, 'x'}))
                .isInstanceOf(WireException.class);
    }
}
