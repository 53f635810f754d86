package org.testfarm.server.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child JVM's class archive: when one is written, used or left alone, and that
 * only an archive a JVM can map is kept (real JVMs write and try them).
 */
class ClassArchiveTest {

    private static final List<String> ONE_OFF = List.of("generate", "L", "O");

    @TempDir
    Path tmp;
    /** A WAR's unpacked copy, and the child's class path: a jar in it. */
    private Path copy;
    private List<Path> classPath;

    @BeforeEach
    void copy() throws IOException {
        copy = Files.createDirectories(tmp.resolve("war-1-2"));
        classPath = List.of(jar(copy.resolve("WEB-INF/lib/a.jar")));
    }

    @Test
    void aFirstGenerationWritesTheArchiveUnderATemporaryNameWithTheJvmsRemarksSilenced() throws IOException {
        List<String> options = ClassArchive.forChild(copy, classPath, List.of("-Xmx1g"), ONE_OFF).options();
        Path archive = archive();
        assertThat(options).containsExactly("-XX:ArchiveClassesAtExit=" + archive + "." + ProcessHandle.current().pid()
                + ".tmp", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void anArchiveMadeBeforeIsUsedEvenByAWatchingGenerator() throws IOException {
        Path archive = archive();
        Files.writeString(archive, "made before");
        assertThat(ClassArchive.forChild(copy, classPath, List.of(), List.of("generate", "--watch", "L", "O")).options())
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void runsThatLoadFewClassesOrNeverExitWriteNone() {
        for (String option : List.of("--watch", "--help", "-h", "--version", "-V")) {
            assertThat(ClassArchive.forChild(copy, classPath, List.of(), List.of("generate", option)).options()).as(option)
                    .isEmpty();
        }
    }

    @Test
    void noArchiveIsWrittenWhereTheDiskIsNearlyFull() {
        assertThat(ClassArchive.forChild(copy, classPath, List.of(), ONE_OFF, Long.MAX_VALUE).options())
                .as("a JVM that cannot write its archive fails the run").isEmpty();
        assertThat(ClassArchive.forChild(copy, classPath, List.of(), ONE_OFF, 1).options()).isNotEmpty();
    }

    @Test
    void sharingOptionsOfTheJavaCommandWin() throws IOException {
        Files.writeString(archive(), "made before");
        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=mine.jsa", "-XX:ArchiveClassesAtExit=x.jsa")) {
            assertThat(ClassArchive.forChild(copy, classPath, List.of(option), ONE_OFF).options()).as(option)
                    .isEmpty();
        }
    }

    @Test
    void aClassPathNamingADirectoryGetsNoArchive() throws IOException {
        Path classes = Files.createDirectories(copy.resolve("WEB-INF/classes"));
        Files.writeString(classes.resolve("A.class"), "");
        Files.writeString(archive(), "made before");
        assertThat(ClassArchive.forChild(copy, List.of(classPath.get(0), classes), List.of(), ONE_OFF).options())
                .as("the JVM archives classes from jars only").isEmpty();
    }

    @Test
    void theArchiveIsNamedAfterTheJvmItExtends() {
        assertThat(ClassArchive.name()).matches("generate-[0-9a-f]+\\.jsa").isEqualTo(ClassArchive.name());
    }

    @Test
    void aWrittenArchiveIsKeptOnlyIfAJvmMapsIt() throws Exception {
        ClassArchive first = ClassArchive.forChild(copy, classPath, List.of(), ONE_OFF);
        Path written = Path.of(first.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Path elsewhere = Files.copy(classPath.get(0), tmp.resolve("elsewhere.jar"));
        assertThat(java(first.options().get(0), "-cp", elsewhere.toString(), Hello.class.getName())).isZero();
        first.finish(0);
        assertThat(archive()).as("holding a class of another class path than the child's").doesNotExist();

        assertThat(java(first.options().get(0), "-cp", classPath.get(0).toString(), Hello.class.getName())).isZero();
        byte[] sound = Files.readAllBytes(written);

        put(written, java.util.Arrays.copyOf(sound, sound.length / 3)); // as if the disk had filled up
        first.finish(0);
        assertThat(written).doesNotExist();
        assertThat(archive()).as("a truncated archive crashes the JVM that maps it").doesNotExist();
        try (var left = Files.list(written.getParent()); var here = Files.list(Path.of(""))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nor its crash report").containsExactly("WEB-INF");
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
        assertThat(ClassArchive.forChild(copy, classPath, List.of(), ONE_OFF).options())
                .startsWith("-XX:SharedArchiveFile=" + archive());
    }

    @Test
    void anArchiveTheChildCrashedOnIsRemovedForTheNextRunToMakeAgain() throws IOException {
        Files.writeString(archive(), "not an archive");
        ClassArchive used = ClassArchive.forChild(copy, classPath, List.of(), ONE_OFF);
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

    private Path archive() {
        return copy.resolve(ClassArchive.name());
    }

    /** A jar at {@code path} holding {@link Hello}, for a JVM to archive. */
    private static Path jar(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        String name = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, new Manifest());
             InputStream in = Hello.class.getClassLoader().getResourceAsStream(name)) {
            jar.putNextEntry(new JarEntry(name));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return path;
    }

    /** A program that loads one class of its own. */
    public static final class Hello {
        public static void main(String[] args) {
            // loading this class is all it does
        }
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
