package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxRegistry;

class SvnSandboxProviderTest {

    @TempDir
    Path tmp;

    @Test
    void workingCopyIsRecognizedAndTheRegistryOpensItAsASvnSandbox() throws Exception {
        SvnWorld world = SvnWorld.create(tmp);

        assertThat(new SvnSandboxProvider().recognizes(world.sandbox)).isTrue();
        assertThat(SandboxRegistry.installed().open(world.sandbox, SandboxOptions.NONE))
                .isInstanceOf(SvnSandbox.class);
    }

    @Test
    void repositoryDirectoryIsNotAWorkingCopy() throws Exception {
        Path repository = SvnWorld.createRepository(tmp.resolve("repo"));

        assertThat(new SvnSandboxProvider().recognizes(repository)).isFalse();
    }
}
