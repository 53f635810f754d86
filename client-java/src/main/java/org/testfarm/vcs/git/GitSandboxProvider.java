package org.testfarm.vcs.git;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Constants;
import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxProvider;

/** Git working copies, through JGit. Registered as {@code git}. */
public final class GitSandboxProvider implements SandboxProvider {

    public static final String NAME = "git";

    @Override
    public String name() {
        return NAME;
    }

    /** A directory holding {@code .git} (a folder, or a file as in linked work trees). */
    @Override
    public boolean recognizes(Path directory) {
        return Files.exists(directory.resolve(Constants.DOT_GIT));
    }

    @Override
    public Sandbox open(Path directory, SandboxOptions options) {
        return GitSandbox.open(directory, options);
    }
}
