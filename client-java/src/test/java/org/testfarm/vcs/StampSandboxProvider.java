package org.testfarm.vcs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A third-party plug-in as a project outside TestFarm would write one: a
 * "version control" whose working copy is a directory with a {@code STAMP} file
 * holding its revision. It is registered only through
 * {@code src/test/resources/META-INF/services/org.testfarm.vcs.SandboxProvider}.
 */
public final class StampSandboxProvider implements SandboxProvider {

    @Override
    public String name() {
        return "stamp";
    }

    @Override
    public boolean recognizes(Path directory) {
        return Files.isRegularFile(directory.resolve("STAMP"));
    }

    @Override
    public Sandbox open(Path directory, SandboxOptions options) {
        if (!recognizes(directory)) {
            throw new SandboxException(directory, SandboxException.Reason.NOT_A_WORKING_COPY, "it has no STAMP file");
        }
        return new StampSandbox(directory);
    }

    private record StampSandbox(Path location) implements Sandbox {

        @Override
        public String state() {
            try {
                return Files.readString(location.resolve("STAMP")).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String remoteState() {
            return state();
        }

        @Override
        public List<String> pendingUpdates() {
            return List.of();
        }

        @Override
        public List<Change> changeLog() {
            return List.of();
        }

        @Override
        public boolean hasPendingChanges() {
            return false;
        }

        @Override
        public UpdateResult update() {
            return new UpdateResult(state(), state(), List.of());
        }
    }
}
