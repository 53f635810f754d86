package org.testfarm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.testfarm.event.ClientRef;
import org.testfarm.server.auth.ReplayGuard.Verdict;

/** Nonces are refused a second time while a replay could still be in the window, then forgotten. */
class ReplayGuardTest {

    static final ClientRef LINUX = new ClientRef("p", "linux");
    static final ClientRef MAC = new ClientRef("p", "mac");
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aNonceIsTakenOncePerClientForTenMinutesThenForgotten() {
        ReplayGuard guard = new ReplayGuard(10);
        long start = 1_000 * MINUTE;
        assertThat(guard.use(LINUX, "n1", start)).isEqualTo(Verdict.FIRST_USE);
        assertThat(guard.use(LINUX, "n1", start + 9 * MINUTE)).isEqualTo(Verdict.REPLAY);
        assertThat(guard.use(MAC, "n1", start + 9 * MINUTE)).isEqualTo(Verdict.FIRST_USE);
        assertThat(guard.use(LINUX, "n1", start + 11 * MINUTE)).isEqualTo(Verdict.FIRST_USE);
    }

    @Test
    void aFullMemoryRefusesNewNoncesUntilOldOnesExpire() {
        ReplayGuard guard = new ReplayGuard(3);
        long start = 1_000 * MINUTE;
        for (int i = 0; i < 3; i++) {
            assertThat(guard.use(LINUX, "n" + i, start + i)).isEqualTo(Verdict.FIRST_USE);
        }
        assertThat(guard.use(LINUX, "n3", start + 5)).isEqualTo(Verdict.FULL);
        assertThat(guard.use(LINUX, "n3", start + 11 * MINUTE)).isEqualTo(Verdict.FIRST_USE);
    }
}
