package org.testfarm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.ReplayGuard.Verdict;

class NonceLogTest {

    static final ClientRef LINUX = new ClientRef("a project", "linux/ü");

    @Test
    void aKeptNonceIsAReplayForTheNextGuardOnTheSameTree(@TempDir Path logs) {
        ReplayGuard before = new ReplayGuard(10, NonceLog.of(logs));
        assertThat(before.use(LINUX, "nonce-kept-0000001", System.nanoTime())).isEqualTo(Verdict.FIRST_USE);
        before.keep(LINUX, "nonce-kept-0000001");
        assertThat(before.use(LINUX, "nonce-refused-00001", System.nanoTime())).isEqualTo(Verdict.FIRST_USE);

        ReplayGuard after = new ReplayGuard(10, NonceLog.of(logs));
        assertThat(after.use(LINUX, "nonce-kept-0000001", System.nanoTime())).as("kept").isEqualTo(Verdict.REPLAY);
        assertThat(after.use(LINUX, "nonce-refused-00001", System.nanoTime())).as("used, never kept")
                .isEqualTo(Verdict.FIRST_USE);
        assertThat(after.use(new ClientRef("a project", "mac"), "nonce-kept-0000001", System.nanoTime()))
                .as("another client's").isEqualTo(Verdict.FIRST_USE);
    }

    @Test
    void damagedLinesAreSkippedAndFilesOlderThanTwoWindowsDeleted(@TempDir Path logs) throws Exception {
        NonceLog log = NonceLog.of(logs);
        long now = Instant.now().getEpochSecond();
        log.record(now - 5, LINUX, "recent-nonce-000001");
        log.close();
        Path dir = logs.resolve(".testfarm/nonces");
        Path current = dir.resolve("nonces-" + (now - 5) / NonceLog.BUCKET_SECONDS + ".log");
        Files.writeString(current, "garbage\n" + now + " no-slash nonce-000000001\n" + now + " a/b",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long old = now - 3 * NonceLog.BUCKET_SECONDS - 10;
        Path stale = dir.resolve("nonces-" + old / NonceLog.BUCKET_SECONDS + ".log");
        Files.writeString(stale, old + " a/b old-nonce-0000001\n");

        NonceLog again = NonceLog.of(logs);
        assertThat(again.recent(now)).extracting(NonceLog.Entry::nonce).containsExactly("recent-nonce-000001");
        assertThat(stale).as("a file older than two windows").doesNotExist();
        again.record(now - 4, LINUX, "after-a-torn-line-1");
        again.close();
        assertThat(NonceLog.of(logs).recent(now)).extracting(NonceLog.Entry::nonce)
                .containsExactly("recent-nonce-000001", "after-a-torn-line-1");
    }
}
