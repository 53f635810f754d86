package org.testfarm.vcs.svn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.Change;
import org.testfarm.vcs.ExternalProgram;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.UpdateResult;

/** Working copies made by the {@code svn} program are read and updated, and svn still reads them after. */
class SvnCommandLineTest {

    @TempDir
    Path tmp;

    ExternalProgram svn = ExternalProgram.named("svn");
    ExternalProgram svnadmin = ExternalProgram.named("svnadmin");

    @BeforeEach
    void needsSubversion() {
        Assumptions.assumeTrue(svn.isInstalled() && svnadmin.isInstalled(),
                "subversion is not installed (apt-get install subversion): interoperability is not tested");
    }

    @Test
    void workingCopyMadeBySvnIsReadAndUpdatedAsSvnWould() throws Exception {
        svnadmin.run(tmp, "create", "repo");
        String url = tmp.resolve("repo").toUri().toString();
        run(tmp, "checkout", url, "colleague");
        Path colleague = tmp.resolve("colleague");
        Files.writeString(colleague.resolve("a.txt"), "a\n");
        run(colleague, "add", "a.txt");
        run(colleague, "commit", "-m", "first: add a", "--username", "dev");
        run(tmp, "checkout", "-r", "1", url, "sandbox");
        Path sandboxDir = tmp.resolve("sandbox");
        Files.writeString(colleague.resolve("a.txt"), "a\nb\n");
        run(colleague, "commit", "-m", "second: add b", "--username", "dev");
        Files.writeString(colleague.resolve("c.txt"), "c\n");
        run(colleague, "add", "c.txt");
        run(colleague, "commit", "-m", "third: add c", "--username", "dev");

        SvnSandbox sandbox = SvnSandbox.open(sandboxDir, SandboxOptions.NONE);

        assertThat(sandbox.state()).isEqualTo("1").isEqualTo(run(sandboxDir, "info", "--show-item", "revision").strip());
        assertThat(sandbox.remoteState()).isEqualTo("3");
        assertThat(sandbox.changeLog()).containsExactly(
                new Change("2", "dev", "second: add b"), new Change("3", "dev", "third: add c"));
        assertThat(sandbox.hasPendingChanges()).isTrue();

        UpdateResult result = sandbox.update();

        assertThat(result).isEqualTo(new UpdateResult("1", "3", List.of()));
        assertThat(run(sandboxDir, "info", "--show-item", "revision").strip()).isEqualTo("3");
        assertThat(run(sandboxDir, "status")).isEmpty();
        assertThat(sandboxDir.resolve("c.txt")).hasContent("c");
    }

    private String run(Path directory, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--non-interactive", "--config-dir", tmp.resolve("svn-config").toString()));
        return svn.run(directory, all.toArray(String[]::new));
    }
}
