package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.jython.world.GitWorld;
import org.testfarm.vcs.svn.SvnWorld;

/**
 * The shared v1 conformance scripts, unchanged, through {@code java -jar
 * testfarm-v1.jar}: each prints what the original Python TestFarm printed
 * (the lines its README names).
 */
class FixtureScriptsIT {

    @TempDir
    Path temp;

    private ScriptRun run(String script, String... args) throws Exception {
        ScriptRun run = new V1Launcher(temp.resolve("home")).run(V1Launcher.sharedScripts().resolve(script), args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void flatImportsAfterAppendingASourceFolderRunTheEngineContractAsV1Did() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("work"));

        ScriptRun run = run("flat_import_engine.py", empty.toString());

        assertThat(run.stdout().lines().toList()).as(run.toString())
                .containsExactlyElementsOf(ExpectedOutput.lines("flat_import_engine.py"));
    }

    @Test
    void packageImportsPythonListenerEnvironmentAndCdKeyBehaveAsV1() throws Exception {
        List<String> prefixes = List.of("config", "getoutput", "===", "(");

        Path empty = Files.createDirectories(temp.resolve("work"));

        ScriptRun run = run("package_import_listeners.py", empty.toString());

        assertThat(run.linesStartingWith(prefixes)).as(run.toString())
                .containsExactlyElementsOf(ExpectedOutput.lines("package_import_listeners.py", prefixes));
    }

    @Test
    void gitSandboxTwoCommitsBehindIsReportedUpdatedThenBuilt() throws Exception {
        GitWorld world = GitWorld.twoCommitsBehind(temp.resolve("git"));
        List<String> prefixes = List.of("pending", "has", "guilty", "===", "BEGIN", "END", "(");

        ScriptRun run = run("git_sandbox_changes.py", world.sandbox.toString());

        assertThat(run.linesStartingWith(prefixes)).as(run.toString())
                .containsExactlyElementsOf(ExpectedOutput.lines("git_sandbox_changes.py", prefixes));
    }

    @Test
    void svnSandboxAtRevisionOneIsReportedUpdatedToThreeThenBuilt() throws Exception {
        SvnWorld world = SvnWorld.twoRevisionsBehind(temp.resolve("svn"));
        List<String> prefixes = List.of("state", "pending", "has", "guilty", "===", "BEGIN", "END", "(");

        ScriptRun run = run("svn_sandbox_changes.py", world.sandbox.toString());

        assertThat(run.linesStartingWith(prefixes)).as(run.toString())
                .containsExactlyElementsOf(ExpectedOutput.lines("svn_sandbox_changes.py", prefixes));
    }
}
