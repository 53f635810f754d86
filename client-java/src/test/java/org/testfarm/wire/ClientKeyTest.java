package org.testfarm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.TestFarmException;
import org.testfarm.event.ClientRef;

/** Keys in their printed form, from files and the environment; key ids; signatures. */
class ClientKeyTest {

    static final String KEY = ClientKey.of(new byte[32]).text();

    @TempDir
    Path dir;

    @Test
    void thePrintedFormReadsBackAndNeverShowsInToString() {
        assertThat(KEY).startsWith("tf1.").hasSize(4 + 43);
        assertThat(ClientKey.parse("  " + KEY + "\n").text()).isEqualTo(KEY);
        assertThat(ClientKey.parse(KEY).toString()).doesNotContain(KEY.substring(4));
    }

    @Test
    void aDamagedKeySaysWhatIsWrongWithoutEchoingIt() {
        assertThatThrownBy(() -> ClientKey.parse("secret")).isInstanceOf(TestFarmException.class)
                .hasMessageContaining("starts with 'tf1.'").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ClientKey.parse(KEY.substring(0, 30))).hasMessageContaining("cut short");
        assertThatThrownBy(() -> ClientKey.parse("tf1.!!!!")).hasMessageContaining("other characters");
    }

    @Test
    void theEnvironmentGivesTheKeyOrItsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), KEY + "\n");
        assertThat(ClientKey.fromEnvironment(Map.of())).isEmpty();
        assertThat(ClientKey.fromEnvironment(Map.of("TESTFARM_KEY", KEY))).get().extracting(ClientKey::text)
                .isEqualTo(KEY);
        assertThat(ClientKey.fromEnvironment(Map.of("TESTFARM_KEY_FILE", file.toString()))).get()
                .extracting(ClientKey::text).isEqualTo(KEY);
        assertThatThrownBy(() -> ClientKey.fromEnvironment(Map.of("TESTFARM_KEY", "nope")))
                .hasMessageContaining("TESTFARM_KEY is not a key");
        assertThatThrownBy(() -> ClientKey.read(dir.resolve("missing"))).hasMessageContaining("cannot read the key file");
    }

    @Test
    void keyIdsNameAnyClientAndRefuseOtherText() {
        ClientRef client = new ClientRef("example project", "caf\u00e9/1");
        String id = RequestSignature.keyId(client);
        assertThat(id).isEqualTo("example+project/caf%C3%A9%2F1");
        assertThat(RequestSignature.client(id)).contains(client);
        for (String bad : new String[] {null, "", "a", "/b", "a/", "a/b/c", "a/%zz"}) {
            assertThat(RequestSignature.client(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void aSignatureVerifiesOnlyWithItsKeyAndText() {
        ClientKey key = ClientKey.parse(KEY);
        ClientKey other = ClientKey.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        Map<String, String> headers = RequestSignature.headers(key, new ClientRef("p", "c"), "POST", "clientIdle", "",
                "text/plain", new byte[] {1}, 1_000);
        String canonical = RequestSignature.canonical("POST", "clientIdle", "", "text/plain", "p/c", 1_000,
                headers.get(RequestSignature.NONCE), RequestSignature.sha256Hex(new byte[] {1}));
        assertThat(RequestSignature.verify(key, canonical, headers.get(RequestSignature.SIGNATURE))).isTrue();
        assertThat(RequestSignature.verify(other, canonical, headers.get(RequestSignature.SIGNATURE))).isFalse();
        assertThat(RequestSignature.verify(key, canonical + " ", headers.get(RequestSignature.SIGNATURE))).isFalse();
        assertThat(RequestSignature.verify(key, canonical, "zz")).isFalse();
        assertThat(RequestSignature.verify(key, canonical, headers.get(RequestSignature.SIGNATURE).toUpperCase()))
                .as("the same bytes spelt otherwise").isFalse();
    }
}
