package org.testfarm.jython;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher runs a script as {@code python SCRIPT.py ARGS} would: arguments, path, exit status, errors. */
class LauncherIT {

    @TempDir
    Path temp;

    private Path script(String name, String... lines) throws Exception {
        Path file = temp.resolve("scripts").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private ScriptRun run(Path script, String... args) throws Exception {
        return new V1Launcher(temp.resolve("home")).run(script, args);
    }

    @Test
    void scriptSeesItsArgumentsAndImportsModulesBesideIt() throws Exception {
        script("helper.py", "GREETING = 'hello from beside'");
        Path main = script("main.py", "import sys, helper", "print sys.argv[1:], helper.GREETING",
                "print sys.argv[0].endswith('main.py')");

        ScriptRun run = run(main, "one", "two words");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("['one', 'two words'] hello from beside\nTrue\n");
    }

    @Test
    void sysExitCodeIsTheExitStatus() throws Exception {
        assertThat(run(script("three.py", "import sys", "sys.exit(3)")).exitCode()).isEqualTo(3);
        assertThat(run(script("none.py", "import sys", "sys.exit()")).exitCode()).isZero();
        ScriptRun text = run(script("text.py", "import sys", "sys.exit('gave up')"));
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stderr()).contains("gave up");
    }

    @Test
    void uncaughtExceptionPrintsAPythonTracebackAndExitsOne() throws Exception {
        Path script = script("raises.py", "def inner():", "    raise ValueError('no good')", "inner()");

        ScriptRun run = run(script);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("Traceback (most recent call last):")
                .contains("raises.py\", line 3").contains("raises.py\", line 2, in inner")
                .contains("ValueError: no good");
    }

    @Test
    void syntaxErrorNamesFileAndLineAndExitsNonZero() throws Exception {
        Path script = script("broken.py", "print 'fine'", "def oops(:", "    pass");

        ScriptRun run = run(script);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("broken.py").contains("line 2").contains("SyntaxError");
    }

    @Test
    void missingModuleIsAnImportErrorNamingIt() throws Exception {
        Path script = script("missing.py", "import os", "from testfarm.v1.mailer import MailListener");

        ScriptRun run = run(script);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("missing.py\", line 2").contains("ImportError").contains("mailer");
    }

    @Test
    void v1NameNotProvidedFailsWithAMessageNamingIt() throws Exception {
        Path script = script("unknown_name.py", "from testfarm.v1.listeners import IrcResultListener");

        ScriptRun run = run(script);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("ImportError").contains("IrcResultListener");
    }

    @Test
    void scriptThatDoesNotExistExitsTwo() throws Exception {
        ScriptRun run = run(temp.resolve("nowhere.py"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("nowhere.py").contains("No such file");
    }

    @Test
    void everyImportStyleOfTheSpecWorks() throws Exception {
        Path script = script("imports.py",
                "import sys",
                "sys.path.append('../src')",
                "from task import *",
                "from project import Project",
                "from client import Client",
                "from runner import Runner",
                "from listeners import NullResultListener, MultiListener, ConsoleResultListener, DummyResultListener",
                "from GitSandbox import GitSandbox",
                "from SvnSandbox import SvnSandbox",
                "import testfarm.v1.task, testfarm.v1.dirhelpers",
                "from testfarm.utils import loadDictFile",
                "from testfarm.gitsandbox import GitSandbox as G2",
                "from testfarm.svnsandbox import SvnSandbox as S2",
                "ns = {}",
                "exec 'from testfarm import *' in ns",
                "print sorted(k for k in ns if not k.startswith('__'))",
                "print CMD, INFO, STATS, CD, STATUS_OK, G2 is GitSandbox");

        ScriptRun run = run(script);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout().lines().toList()).containsExactly(
                "['CD', 'CMD', 'Client', 'INFO', 'Project', 'Runner', 'STATS', 'STATUS_OK', 'Task']",
                "1 2 3 4 5 True");
    }

    @Test
    void shellWrapperFindsTheJarAndPassesTheExitStatus() throws Exception {
        Path script = script("wrapped.py", "import sys", "print 'via', sys.argv[1]", "sys.exit(4)");
        Path wrapper = Path.of(System.getProperty("testfarm.v1.wrapper", "testfarm-v1")).toAbsolutePath();

        ScriptRun run = new V1Launcher(temp.resolve("home"))
                .start(List.of("/bin/sh", wrapper.toString(), script.toString(), "wrapper"), temp);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.stdout()).isEqualTo("via wrapper\n");
    }
}
