package org.testfarm.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.KeyRing;
import org.testfarm.wire.ClientKey;

/** addclient prints a key once and keeps only the master key; rotate-key and meta --legacy-unsigned; nothing published. */
class ClientKeyCommandsTest {

    static final ClientRef LINUX = new ClientRef("example project", "linux");

    @TempDir
    Path dir;

    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    static String key(String output) {
        return output.lines().filter(line -> line.startsWith(ClientKey.PREFIX)).findFirst().orElseThrow();
    }

    static String everyFileAndName(Path root) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                all.append(root.relativize(path)).append('\n');
                if (Files.isRegularFile(path)) {
                    all.append(new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all.toString();
    }

    @Test
    void addclientPrintsAWorkingKeyThatIsStoredNowhereAndRotateKeyReplacesIt() throws Exception {
        Path logs = dir.resolve("logs");
        run("init", logs.toString());
        run("addproject", logs.toString(), LINUX.project());
        String key = key(run("addclient", logs.toString(), LINUX.project(), LINUX.client()));
        ClientKey.parse(key);
        KeyRing keys = KeyRing.of(logs);
        assertThat(keys.currentKey(LINUX).text()).isEqualTo(key);
        assertThat(keys.access(LINUX).orElseThrow().legacyUnsigned()).isFalse();
        assertThat(everyFileAndName(logs)).doesNotContain(key.substring(ClientKey.PREFIX.length()));

        Path master = logs.resolve(".testfarm/keys/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master.getParent())))
                .isEqualTo("rwx------");

        String next = key(run("rotate-key", logs.toString(), LINUX.project(), LINUX.client()));
        assertThat(next).isNotEqualTo(key);
        assertThat(KeyRing.of(logs).currentKey(LINUX).text()).isEqualTo(next);
    }

    @Test
    void metaMarksOneClientOrEveryClientOfAProjectLegacyUnsigned() {
        Path logs = dir.resolve("logs");
        run("addproject", logs.toString(), LINUX.project());
        run("addclient", logs.toString(), LINUX.project(), LINUX.client());
        run("addclient", logs.toString(), LINUX.project(), "mac", "--legacy-unsigned");
        KeyRing keys = KeyRing.of(logs);
        assertThat(keys.access(new ClientRef(LINUX.project(), "mac")).orElseThrow().legacyUnsigned()).isTrue();

        assertThat(run("meta", logs.toString(), LINUX.project(), LINUX.client(), "--legacy-unsigned", "true"))
                .contains("Client linux of project example project may report unsigned");
        assertThat(keys.access(LINUX).orElseThrow().legacyUnsigned()).isTrue();

        String all = run("meta", logs.toString(), LINUX.project(), "--legacy-unsigned", "false");
        assertThat(all.lines()).hasSize(2).allMatch(line -> line.endsWith("must sign its reports"));
        for (String client : List.of("linux", "mac")) {
            assertThat(keys.access(new ClientRef(LINUX.project(), client)).orElseThrow().legacyUnsigned()).isFalse();
        }
    }

    @Test
    void theStaticSiteHoldsNoKeyMaterial() throws Exception {
        Path logs = dir.resolve("logs");
        run("addproject", logs.toString(), LINUX.project());
        String key = key(run("addclient", logs.toString(), LINUX.project(), LINUX.client()));
        Path site = dir.resolve("site");
        run("generate", logs.toString(), site.toString());
        String published = everyFileAndName(site);
        byte[] master = Files.readAllBytes(logs.resolve(".testfarm/keys/master.key"));
        assertThat(published).doesNotContain(key.substring(ClientKey.PREFIX.length()))
                .doesNotContain(new String(master, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("master.key").doesNotContain("legacy-unsigned");
    }
}
