package org.testfarm.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.TestFarmException;
import org.testfarm.vcs.git.GitSandboxProvider;
import org.testfarm.vcs.svn.SvnSandboxProvider;

class SandboxRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void installedRegistryHasGitSvnAndTheThirdPartyPlugInByName() {
        SandboxRegistry registry = SandboxRegistry.installed();

        assertThat(registry.names()).contains("git", "svn", "stamp");
        assertThat(registry.provider("git")).isInstanceOf(GitSandboxProvider.class);
        assertThat(registry.provider("svn")).isInstanceOf(SvnSandboxProvider.class);
        assertThat(registry.provider("stamp")).isInstanceOf(StampSandboxProvider.class);
    }

    @Test
    void installedRegistryIsLoadedOnce() {
        assertThat(SandboxRegistry.installed()).isSameAs(SandboxRegistry.installed());
    }

    @Test
    void thirdPartyPlugInOpensItsOwnWorkingCopies() throws Exception {
        Path stamped = Files.createDirectory(tmp.resolve("stamped"));
        Files.writeString(stamped.resolve("STAMP"), "42\n");

        Sandbox sandbox = SandboxRegistry.installed().open(stamped, SandboxOptions.NONE);

        assertThat(sandbox.state()).isEqualTo("42");
        assertThat(SandboxRegistry.installed().detect(stamped)).isInstanceOf(StampSandboxProvider.class);
    }

    @Test
    void duplicateNameOnTheClassPathIsRefusedNamingBothClasses() throws Exception {
        Path services = Files.createDirectories(tmp.resolve("plugin/META-INF/services"));
        Files.writeString(services.resolve(SandboxProvider.class.getName()), ImpostorGitProvider.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.resolve("plugin").toUri().toURL()},
                getClass().getClassLoader())) {

            assertThatThrownBy(() -> SandboxRegistry.load(loader))
                    .isInstanceOf(DuplicateProviderException.class)
                    .hasMessageContaining("'git'")
                    .hasMessageContaining(GitSandboxProvider.class.getName())
                    .hasMessageContaining(ImpostorGitProvider.class.getName());
        }
    }

    @Test
    void registeringATakenNameIsRefused() {
        SandboxRegistry registry = new SandboxRegistry().register(new GitSandboxProvider());

        assertThatThrownBy(() -> registry.register(new ImpostorGitProvider()))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining(ImpostorGitProvider.class.getName());
        assertThat(registry.provider("git")).isInstanceOf(GitSandboxProvider.class);
    }

    @Test
    void testsRegisterTheirOwnProvidersInAFreshRegistry() {
        SandboxRegistry registry = new SandboxRegistry().register(new StampSandboxProvider());

        assertThat(registry.names()).containsExactly("stamp");
        assertThat(registry.find("git")).isEmpty();
    }

    @Test
    void unknownNameIsRefusedListingTheKnownOnes() {
        SandboxRegistry registry = new SandboxRegistry()
                .register(new GitSandboxProvider()).register(new SvnSandboxProvider());

        assertThatThrownBy(() -> registry.provider("hg"))
                .isInstanceOf(TestFarmException.class)
                .hasMessageContaining("'hg'")
                .hasMessageContaining("git, svn");
    }

    @Test
    void plainDirectoryIsNotAWorkingCopyOfAnyKnownKind() throws Exception {
        Path plain = Files.createDirectory(tmp.resolve("plain"));

        assertThatThrownBy(() -> SandboxRegistry.installed().open(plain, SandboxOptions.NONE))
                .isInstanceOfSatisfying(SandboxException.class, e ->
                        assertThat(e.reason()).isEqualTo(SandboxException.Reason.NOT_A_WORKING_COPY))
                .hasMessageContaining(plain.toString());
    }

    @Test
    void missingDirectoryIsNotAWorkingCopy() {
        Path nowhere = tmp.resolve("nowhere");

        assertThatThrownBy(() -> SandboxRegistry.installed().detect(nowhere))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("no such directory");
    }

    @Test
    void directoryOfTwoKindsAsksForTheKindByName() throws Exception {
        Path both = Files.createDirectory(tmp.resolve("both"));
        Files.createDirectory(both.resolve(".git"));
        Files.writeString(both.resolve("STAMP"), "1\n");

        assertThatThrownBy(() -> SandboxRegistry.installed().detect(both))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("git, stamp")
                .hasMessageContaining("name the kind");
        assertThat(SandboxRegistry.installed().open("stamp", both, SandboxOptions.NONE).state()).isEqualTo("1");
    }
}
