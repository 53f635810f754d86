package org.testfarm.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxRegistry;

class GitSandboxProviderTest {

    @TempDir
    Path tmp;

    @Test
    void cloneIsRecognizedAndTheRegistryOpensItAsAGitSandbox() throws Exception {
        GitWorld world = GitWorld.create(tmp);

        assertThat(new GitSandboxProvider().recognizes(world.sandbox)).isTrue();
        assertThat(SandboxRegistry.installed().open(world.sandbox, SandboxOptions.NONE))
                .isInstanceOf(GitSandbox.class);
    }

    @Test
    void plainDirectoryIsNotRecognized() throws Exception {
        assertThat(new GitSandboxProvider().recognizes(Files.createDirectory(tmp.resolve("plain")))).isFalse();
    }
}
