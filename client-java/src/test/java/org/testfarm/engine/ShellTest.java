package org.testfarm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {

    @TempDir
    Path dir;

    @Test
    void quotedWordReachesTheShellLiterallyWhateverItHolds() throws Exception {
        String tricky = "it's \"$HOME\" `id` \\ ;|&";

        CommandResult result = new CommandRunner()
                .run(Command.of("printf %s " + Shell.quoted(tricky)).withInfo(out -> out), dir, Map.of());

        assertThat(result.info()).isEqualTo(tricky);
    }

    @Test
    void finalDirectoryWithQuotesAndSpacesInItsNameIsTrackedToo() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("it's a \"dir\" $x"));

        CommandResult result = new CommandRunner()
                .run(Command.of("cd " + Shell.quoted(odd.getFileName().toString())), dir, Map.of());

        assertThat(result.finalDirectory()).isEqualTo(odd.toRealPath());
    }

    @Test
    void shellOfThisPlatformIsPosixAndReportsItsDirectory() {
        assertThat(Shell.platform().reportsDirectory()).isTrue();
        assertThat(Shell.platform().toString()).isEqualTo("/bin/sh -c");
        assertThat(Shell.windows().reportsDirectory()).isFalse();
    }
}
