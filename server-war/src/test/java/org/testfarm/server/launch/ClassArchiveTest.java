package org.testfarm.server.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child JVM's class archive: when one is written, used or left alone, and that
 * only an archive a JVM can map is kept (real JVMs write and try them).
 */
class ClassArchiveTest {

    @TempDir
    Path tmp;
    private Path war;
    private String cacheBefore;

    @BeforeEach
    void war() throws IOException {
        war = tmp.resolve("testfarm.war");
        try (OutputStream out = Files.newOutputStream(war); JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        }
        cacheBefore = System.setProperty(Bootstrap.CACHE_PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (cacheBefore == null) {
            System.clearProperty(Bootstrap.CACHE_PROPERTY);
        } else {
            System.setProperty(Bootstrap.CACHE_PROPERTY, cacheBefore);
        }
    }

    @Test
    void aFirstGenerationWritesTheArchiveUnderATemporaryNameWithTheJvmsRemarksSilenced() throws IOException {
        List<String> options = ClassArchive.forChild(war, List.of("-Xmx1g"), List.of("generate", "LOGS", "OUT")).options();
        Path archive = archive();
        assertThat(options).containsExactly("-XX:ArchiveClassesAtExit=" + archive + "." + ProcessHandle.current().pid()
                + ".tmp", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void anArchiveMadeBeforeIsUsedEvenByAWatchingGenerator() throws IOException {
        Path archive = archive();
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "made before");
        assertThat(ClassArchive.forChild(war, List.of(), List.of("generate", "--watch", "L", "O")).options())
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void runsThatLoadFewClassesOrNeverExitWriteNone() {
        for (String option : List.of("--watch", "--help", "-h", "--version", "-V")) {
            assertThat(ClassArchive.forChild(war, List.of(), List.of("generate", option)).options()).as(option).isEmpty();
        }
    }

    @Test
    void noArchiveIsWrittenWhereTheDiskIsNearlyFull() {
        assertThat(ClassArchive.forChild(war, List.of(), List.of("generate", "L", "O"), Long.MAX_VALUE).options())
                .as("a JVM that cannot write its archive fails the run").isEmpty();
        assertThat(ClassArchive.forChild(war, List.of(), List.of("generate", "L", "O"), 1).options()).isNotEmpty();
    }

    @Test
    void sharingOptionsOfTheJavaCommandWin() throws IOException {
        Files.createDirectories(archive().getParent());
        Files.writeString(archive(), "made before");
        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=mine.jsa", "-XX:ArchiveClassesAtExit=x.jsa")) {
            assertThat(ClassArchive.forChild(war, List.of(option), List.of("generate", "L", "O")).options()).as(option)
                    .isEmpty();
        }
    }

    @Test
    void theArchiveIsValidForOneWarPathOnly() throws IOException {
        Path other = Files.copy(war, tmp.resolve("elsewhere.war"));
        assertThat(ClassArchive.name(war)).matches("generate-[0-9a-f]+\\.jsa").isNotEqualTo(ClassArchive.name(other));
        assertThat(ClassArchive.name(war)).isEqualTo(ClassArchive.name(tmp.resolve(".").resolve("testfarm.war")
                .normalize()));
    }

    @Test
    void aWrittenArchiveIsKeptOnlyIfAJvmMapsIt() throws Exception {
        ClassArchive first = ClassArchive.forChild(war, List.of(), List.of("generate", "L", "O"));
        Path written = Path.of(first.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.createDirectories(written.getParent());
        assertThat(java(first.options().get(0), "-cp", war.toString(), "-version")).isZero();
        byte[] sound = Files.readAllBytes(written);

        put(written, java.util.Arrays.copyOf(sound, sound.length / 3)); // as if the disk had filled up
        first.finish(0);
        assertThat(written).doesNotExist();
        assertThat(archive()).as("a truncated archive crashes the JVM that maps it").doesNotExist();
        try (var left = Files.list(written.getParent()); var here = Files.list(Path.of(""))) {
            assertThat(left).as("nor its crash report").isEmpty();
            assertThat(here.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }

        put(written, sound);
        first.finish(1);
        assertThat(archive()).as("the generation failed").doesNotExist();
        assertThat(written).doesNotExist();

        put(written, sound);
        first.finish(0);
        assertThat(written).doesNotExist();
        assertThat(archive()).exists();
        assertThat(ClassArchive.forChild(war, List.of(), List.of("generate", "L", "O")).options())
                .startsWith("-XX:SharedArchiveFile=" + archive());
    }

    @Test
    void anArchiveTheChildCrashedOnIsRemovedForTheNextRunToMakeAgain() throws IOException {
        Files.createDirectories(archive().getParent());
        Files.writeString(archive(), "not an archive");
        ClassArchive used = ClassArchive.forChild(war, List.of(), List.of("generate", "L", "O"));
        used.finish(1);
        assertThat(archive()).as("a failed generation says nothing about the archive").exists();
        used.finish(134);
        assertThat(archive()).doesNotExist();
    }

    /** The JVM writes its archive read-only. */
    private static void put(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        Files.write(file, bytes);
    }

    private Path archive() throws IOException {
        return Bootstrap.copyOf(war, Bootstrap.cacheRoot()).resolve(ClassArchive.name(war));
    }

    private static int java(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
