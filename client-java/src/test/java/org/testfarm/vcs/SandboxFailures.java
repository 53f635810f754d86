package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.testfarm.vcs.SandboxException.Reason;

/** Assertions on the {@link SandboxException}s a sandbox throws. */
public final class SandboxFailures {

    private SandboxFailures() {
    }

    /** {@code call} throws a {@link SandboxException} for {@code reason}; further checks chain on the result. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertSandboxFails(ThrowingCallable call,
            Reason reason) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** As {@link #assertSandboxFails(ThrowingCallable, Reason)}, and the message names {@code sandbox}. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertSandboxFails(ThrowingCallable call,
            Reason reason, Path sandbox) {
        return assertSandboxFails(call, reason).hasMessageContaining(sandbox.toAbsolutePath().toString());
    }
}
