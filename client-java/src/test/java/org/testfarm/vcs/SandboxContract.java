package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfarm.vcs.SandboxFailures.assertSandboxFails;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxException.Reason;

/**
 * What every kind of sandbox does alike, run by each kind's test against its
 * own real repositories. A subclass keeps an up-to-date working copy in
 * {@code tmp/sandbox} (as GitWorld and SvnWorld do), whose first revision added
 * {@code a.txt} holding the line {@code a}.
 */
public abstract class SandboxContract {

    @TempDir
    protected Path tmp;

    /** Opens a sandbox of this kind at {@code directory}, with no options. */
    protected abstract Sandbox openAt(Path directory);

    private Sandbox open() {
        return openAt(tmp.resolve("sandbox"));
    }

    @Test
    void missingTrackedFileCountsAsPendingAndTheUpdateRestoresIt() throws Exception {
        Sandbox sandbox = open();
        Files.delete(sandbox.location().resolve("a.txt"));

        assertThat(sandbox.pendingUpdates()).isEmpty();
        assertThat(sandbox.hasPendingChanges()).isTrue();

        sandbox.update();

        assertThat(sandbox.location().resolve("a.txt")).hasContent("a");
        assertThat(sandbox.hasPendingChanges()).isFalse();
    }

    @Test
    void plainDirectoryIsNotAWorkingCopy() throws Exception {
        Path plain = Files.createDirectory(tmp.resolve("plain"));

        assertSandboxFails(() -> openAt(plain), Reason.NOT_A_WORKING_COPY, plain)
                .isInstanceOfSatisfying(SandboxException.class, e ->
                        assertThat(e.location()).isEqualTo(plain.toAbsolutePath()))
                .hasMessageContaining("not a working copy");
    }
}
