package org.testfarm.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.svn.ApacheSvnServer;
import org.testfarm.vcs.svn.SvnSandbox;
import org.testfarm.vcs.svn.SvnWorld;

/**
 * A continuous runner watching a Subversion sandbox served over http:// by
 * Apache httpd with mod_dav_svn, whose password the server refuses at first.
 */
@Timeout(120)
class SvnHttpRunTest {

    @TempDir
    Path dir;

    ApacheSvnServer server;

    @AfterEach
    void stopHttpd() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void refusedCredentials_failTheUpdateSandboxTaskNamingTheSandbox_andTheNextCycleRetries() throws Exception {
        ApacheSvnServer.assumeInstalled();
        Path repository = SvnWorld.createRepository(dir.resolve("served/project"));
        server = ApacheSvnServer.start(dir.resolve("httpd"), repository, false);
        SandboxOptions dev = SandboxOptions.builder().svnUser("dev").svnPassword("secret").build();
        SvnWorld world = SvnWorld.create(dir.resolve("svn"), repository, server.url(), dev);
        world.commit("b.txt", "b\n", "second: add b");
        SandboxOptions newPassword = SandboxOptions.builder().svnUser("dev").svnPassword("rotated").build();
        Recorder recorder = new Recorder();
        List<Duration> sleeps = new ArrayList<>();
        Runner runner = SandboxRunTest.runner(dir, recorder, SvnSandbox.open(world.sandbox, newPassword))
                .plan(SandboxRunTest.countLines(world.sandbox));
        runner.sleeper(period -> {
            sleeps.add(period);
            if (sleeps.size() == 1) {
                try {
                    server.password("dev", "rotated");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            } else {
                runner.stop();
            }
        });

        runner.runContinuously(FirstRun.ONLY_WITH_NEW_COMMITS);

        String sandbox = world.sandbox.toAbsolutePath().normalize().toString();
        List<String> lines = recorder.lines();
        assertThat(lines).filteredOn(line -> line.startsWith("END_TASK")).containsExactly("END_TASK false",
                "END_TASK true");
        assertThat(lines.subList(0, lines.indexOf("END_TASK false"))).contains("BEGIN_SUBTASK Update Sandbox")
                .doesNotContain("BEGIN_SUBTASK build")
                .anySatisfy(line -> assertThat(line).startsWith("#1.1 ('Change log for " + sandbox + "', 'failure', ")
                        .contains("sandbox " + sandbox + " was refused by its remote repository: bad or missing"
                                + " credentials"));
        assertThat(lines.subList(lines.indexOf("END_TASK false"), lines.size()))
                .contains("BEGIN_SUBTASK build")
                .anySatisfy(line -> assertThat(line).startsWith("#1.2 ('Updating " + sandbox + ", 1 -> 2', 'ok'"))
                .anySatisfy(line -> assertThat(line).contains("'lines: 2'"));
        assertThat(sleeps).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }
}
