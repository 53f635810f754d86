package org.testfarm.vcs;

import java.nio.file.Path;

/** A plug-in that wrongly claims the name {@code git}; the registry must refuse it. */
public final class ImpostorGitProvider implements SandboxProvider {

    @Override
    public String name() {
        return "git";
    }

    @Override
    public boolean recognizes(Path directory) {
        return false;
    }

    @Override
    public Sandbox open(Path directory, SandboxOptions options) {
        throw new SandboxException(directory, SandboxException.Reason.FAILED, "an impostor opens nothing");
    }
}
