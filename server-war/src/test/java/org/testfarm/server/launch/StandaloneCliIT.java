package org.testfarm.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testfarm.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of the built WAR, in its own JVM: help, usage errors, failures. */
@Timeout(300)
class StandaloneCliIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);

    /** One unpacked copy for every launch of this class, as on an admin's machine. */
    @TempDir
    static Path tmp;

    @Test
    void help_listsTheSubcommands_andExitsZero() throws Exception {
        try (ChildJvm war = LaunchedWar.launch(tmp, "--help")) {
            assertThat(war.exitCode(EXIT_TIMEOUT)).isZero();
            assertThat(war.remainingStdout()).contains("Usage: testfarm", "Commands:", "serve", "help");
            assertThat(war.stderr()).isEmpty();
        }
    }

    @Test
    void unknownCommand_isOneLineOnStderr_exit2() throws Exception {
        try (ChildJvm war = LaunchedWar.launch(tmp, "frobnicate")) {
            assertThat(war.exitCode(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(war.stderr()).isEqualTo("testfarm: unknown command 'frobnicate' (see 'testfarm --help')\n");
            assertThat(war.remainingStdout()).isEmpty();
        }
    }

    @Test
    void unknownOption_isOneLineOnStderr_exit2() throws Exception {
        try (ChildJvm war = LaunchedWar.launch(tmp, "serve", "--bogus")) {
            assertThat(war.exitCode(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(war.stderr().lines()).singleElement().asString()
                    .startsWith("testfarm: ").contains("'--bogus'");
        }
    }

    @Test
    void failure_isOneLineOnStderr_exit1() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("taken"), "a file");
        try (ChildJvm war = LaunchedWar.launch(tmp, "serve", "--port", "0", "--logs", notADirectory.toString())) {
            assertThat(war.exitCode(EXIT_TIMEOUT)).isEqualTo(1);
            assertThat(war.stderr().lines()).singleElement().asString()
                    .startsWith("testfarm: cannot create the log directory " + notADirectory);
        }
    }

    @Test
    void anUpgradeRemovesTheCopyOfTheWarBefore() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("upgrade-cache"));
        Path before = Files.copy(LaunchedWar.WAR, tmp.resolve("before.war"));
        Files.setLastModifiedTime(before, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        for (Path war : List.of(before, LaunchedWar.WAR.toAbsolutePath())) {
            try (ChildJvm launched = ChildJvm.start(tmp, List.of("-Dtestfarm.cache=" + cache, "-jar",
                    war.toString(), "--help"))) {
                assertThat(launched.exitCode(EXIT_TIMEOUT)).isZero();
            }
        }
        try (var copies = Files.list(cache)) {
            assertThat(copies.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactly(Bootstrap.copyOf(LaunchedWar.WAR, cache).getFileName().toString());
        }
    }
}
